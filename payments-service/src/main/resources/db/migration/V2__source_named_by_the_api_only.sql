-- Which request field a token came in (source or card_token) is the API's business, not a fact of
-- the payment: the column goes, every payment and its token stay.
ALTER TABLE payments DROP COLUMN source_param;
