-- Restricted keys (rk_test_/rk_live_): the scopes a key may use, space-separated (payments:read ...).
-- NULL for a secret key (sk_), which may do everything its merchant may.
ALTER TABLE api_keys ADD COLUMN scopes varchar(500);
