-- Seed 000 pays with card_token_… tokens (up to 71 characters), longer than tok_… (up to 64).
ALTER TABLE payments ALTER COLUMN source_token TYPE varchar(80);
