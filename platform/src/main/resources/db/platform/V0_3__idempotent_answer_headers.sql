-- An idempotent answer is kept whole: status, headers (a JSON object of name to value) and body.
ALTER TABLE idempotency_keys ADD COLUMN response_headers text;
