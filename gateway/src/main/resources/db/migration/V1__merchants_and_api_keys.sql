-- Merchants and their secret API keys. A key is kept only as the SHA-256 of the secret; the
-- prefix (first 12 characters) is for display, never enough to use the key.
CREATE TABLE merchants (
    id         varchar(64)  PRIMARY KEY,
    name       varchar(255) NOT NULL,
    created_at timestamptz  NOT NULL
);

CREATE TABLE api_keys (
    id                  varchar(64) PRIMARY KEY,
    merchant_id         varchar(64) NOT NULL REFERENCES merchants (id),
    key_hash            char(64)    NOT NULL UNIQUE,
    key_prefix          varchar(12) NOT NULL,
    mode                varchar(4)  NOT NULL CHECK (mode IN ('test', 'live')),
    rate_limit          integer     NOT NULL DEFAULT 100 CHECK (rate_limit > 0),
    rate_window_seconds integer     NOT NULL DEFAULT 60 CHECK (rate_window_seconds > 0),
    burst_limit         integer     NOT NULL DEFAULT 20 CHECK (burst_limit > 0),
    created_at          timestamptz NOT NULL,
    revoked_at          timestamptz
);
CREATE INDEX api_keys_by_merchant ON api_keys (merchant_id);
