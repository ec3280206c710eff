-- An Idempotency-Key is per merchant AND per mode: a live request never replays a test answer.
-- Keys written before this version take their mode from their stored answer (every answer of the
-- payments and refunds APIs carries "livemode"); keys without one are test-mode keys.
ALTER TABLE idempotency_keys ADD COLUMN livemode boolean NOT NULL DEFAULT false;
UPDATE idempotency_keys SET livemode = true WHERE response_body LIKE '%"livemode":true%';
ALTER TABLE idempotency_keys DROP CONSTRAINT idempotency_keys_pkey;
ALTER TABLE idempotency_keys ADD PRIMARY KEY (merchant_id, livemode, idempotency_key);

-- What the request made (a payment id), bound in the transaction that made it: a retry after the
-- request died answers with that object instead of making another.
ALTER TABLE idempotency_keys ADD COLUMN resource_id varchar(64);
