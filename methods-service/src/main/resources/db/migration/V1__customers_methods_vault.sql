-- Customers and their payment methods, and the vault that holds what must never be seen: card
-- numbers, bank account numbers, IBANs and wallet tokens. Only vault_records holds them, sealed with
-- AES-GCM under the key named by key_id; every other table keeps what may be shown (brand, last four,
-- expiry) and secret_hash, a keyed hash of the secret from which each merchant's fingerprint derives.

CREATE TABLE customers (
    id                        varchar(40)  PRIMARY KEY,
    merchant_id               varchar(64)  NOT NULL,
    livemode                  boolean      NOT NULL,
    email                     varchar(512),
    name                      varchar(256),
    description               varchar(1000),
    metadata                  text         NOT NULL DEFAULT '{}',
    default_payment_method_id varchar(40),
    deleted                   boolean      NOT NULL DEFAULT false,
    created_at                timestamptz  NOT NULL,
    updated_at                timestamptz  NOT NULL,
    version                   bigint       NOT NULL DEFAULT 0
);
CREATE INDEX customers_by_merchant ON customers (merchant_id, livemode, created_at DESC, id DESC);

-- The sealed secrets. A record is written once and re-sealed only by key rotation.
CREATE TABLE vault_records (
    id          varchar(40)  PRIMARY KEY,
    key_id      varchar(64)  NOT NULL,
    -- 12-byte nonce, then the AES-256-GCM ciphertext and its 16-byte tag; the record id is the AAD
    sealed      bytea        NOT NULL,
    created_at  timestamptz  NOT NULL,
    rotated_at  timestamptz
);
CREATE INDEX vault_records_by_key ON vault_records (key_id);

-- merchant_id is NULL for the test aliases (pm_test_*) every merchant may charge in test mode.
CREATE TABLE payment_methods (
    id               varchar(40)  PRIMARY KEY,
    merchant_id      varchar(64),
    livemode         boolean      NOT NULL,
    type             varchar(16)  NOT NULL,
    customer_id      varchar(40)  REFERENCES customers (id),
    -- usable, or detached: a detached method can never be charged or attached again
    status           varchar(16)  NOT NULL,
    brand            varchar(16),
    last4            varchar(4),
    exp_month        integer,
    exp_year         integer,
    funding          varchar(16),
    -- what else of the type may be shown (routing number, BIC, IBAN country, crypto address, wallet)
    details          text         NOT NULL DEFAULT '{}',
    metadata         text         NOT NULL DEFAULT '{}',
    vault_record_id  varchar(40)  REFERENCES vault_records (id),
    secret_hash      varchar(64),
    created_at       timestamptz  NOT NULL,
    updated_at       timestamptz  NOT NULL,
    detached_at      timestamptz,
    version          bigint       NOT NULL DEFAULT 0
);
CREATE INDEX payment_methods_by_merchant ON payment_methods (merchant_id, livemode, created_at DESC, id DESC);
CREATE INDEX payment_methods_by_customer ON payment_methods (customer_id, created_at DESC, id DESC);

-- Tokens a payment is made with once the gateway exchanged inline card details for one; merchant_id
-- NULL for the test tokens (tok_visa, ...). idempotency_key makes the exchange idempotent.
CREATE TABLE vault_tokens (
    id               varchar(40)  PRIMARY KEY,
    merchant_id      varchar(64),
    livemode         boolean      NOT NULL,
    type             varchar(16)  NOT NULL,
    brand            varchar(16),
    last4            varchar(4),
    exp_month        integer,
    exp_year         integer,
    funding          varchar(16),
    vault_record_id  varchar(40)  NOT NULL REFERENCES vault_records (id),
    secret_hash      varchar(64)  NOT NULL,
    idempotency_key  varchar(255),
    created_at       timestamptz  NOT NULL
);
CREATE UNIQUE INDEX vault_tokens_idempotent ON vault_tokens (merchant_id, livemode, idempotency_key)
    WHERE idempotency_key IS NOT NULL;

-- Every decryption and every forwarding: who (merchant, or the operator's job), when, which record,
-- why. Never the secret.
CREATE TABLE vault_audit (
    id              bigserial    PRIMARY KEY,
    at              timestamptz  NOT NULL,
    action          varchar(16)  NOT NULL,
    actor           varchar(128) NOT NULL,
    vault_record_id varchar(40)  NOT NULL,
    instrument      varchar(40),
    reason          varchar(500) NOT NULL,
    request_id      varchar(128)
);
CREATE INDEX vault_audit_by_record ON vault_audit (vault_record_id, at);
CREATE INDEX vault_audit_by_time ON vault_audit (at);
