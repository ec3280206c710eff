-- Payments: one row per payment. Card numbers never reach this database; only brand, last4,
-- expiry and fingerprint.
CREATE TABLE payments (
    id                  varchar(40)  PRIMARY KEY,
    merchant_id         varchar(64)  NOT NULL,
    livemode            boolean      NOT NULL,
    amount              bigint       NOT NULL CHECK (amount > 0),
    amount_captured     bigint       NOT NULL DEFAULT 0,
    amount_refunded     bigint       NOT NULL DEFAULT 0,
    currency            varchar(3)   NOT NULL,
    status              varchar(32)  NOT NULL,
    capture_method      varchar(16)  NOT NULL,
    payment_method_id   varchar(64),
    source_token        varchar(64),
    source_param        varchar(32)  NOT NULL,
    instrument_type     varchar(32),
    card_brand          varchar(32),
    card_last4          varchar(4),
    card_exp_month      integer,
    card_exp_year       integer,
    card_fingerprint    varchar(64),
    description         varchar(1000),
    customer_id         varchar(255),
    metadata            text         NOT NULL DEFAULT '{}',
    failure_code        varchar(64),
    decline_code        varchar(64),
    failure_message     varchar(500),
    next_action_type    varchar(32),
    next_action_url     varchar(500),
    processor_reference varchar(64),
    cancellation_reason varchar(500),
    canceled_at         timestamptz,
    captured_at         timestamptz,
    created_at          timestamptz  NOT NULL,
    updated_at          timestamptz  NOT NULL,
    event_sequence      bigint       NOT NULL,
    version             bigint       NOT NULL DEFAULT 0,
    CONSTRAINT payments_captured_within_amount CHECK (amount_captured BETWEEN 0 AND amount),
    CONSTRAINT payments_refunded_within_captured CHECK (amount_refunded BETWEEN 0 AND amount_captured),
    CONSTRAINT payments_one_source CHECK ((payment_method_id IS NULL) <> (source_token IS NULL))
);

-- Lists are per merchant and mode, newest first, optionally by status or customer.
CREATE INDEX payments_by_merchant ON payments (merchant_id, livemode, created_at DESC, id DESC);
CREATE INDEX payments_by_merchant_status ON payments (merchant_id, livemode, status, created_at DESC, id DESC);
CREATE INDEX payments_by_merchant_customer ON payments (merchant_id, livemode, customer_id, created_at DESC, id DESC);
