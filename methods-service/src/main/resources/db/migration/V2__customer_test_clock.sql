-- A test-mode customer may follow a test clock (payments-service owns the clocks: clock_…), named at
-- creation and never changed; NULL for every other customer.
ALTER TABLE customers ADD COLUMN test_clock varchar(42);
