-- refunds-service's own view of each payment, built from payments.events, and what refunds
-- already claim of it. The CHECK is the last guard: however many instances serve refunds at once,
-- the database never lets claims exceed what was captured.
CREATE TABLE refundable_payments (
    payment_id            varchar(40) PRIMARY KEY,
    merchant_id           varchar(64) NOT NULL,
    livemode              boolean     NOT NULL,
    currency              varchar(3)  NOT NULL,
    amount                bigint      NOT NULL,
    amount_captured       bigint      NOT NULL,
    status                varchar(32) NOT NULL,
    card_last4            varchar(4),
    last_sequence         bigint      NOT NULL,
    amount_reserved       bigint      NOT NULL DEFAULT 0,
    refund_event_sequence bigint      NOT NULL DEFAULT 0,
    updated_at            timestamptz NOT NULL,
    CONSTRAINT refunds_never_exceed_captured CHECK (amount_reserved BETWEEN 0 AND amount_captured)
);

CREATE TABLE refunds (
    id                  varchar(40)  PRIMARY KEY,
    payment_id          varchar(40)  NOT NULL REFERENCES refundable_payments (payment_id),
    merchant_id         varchar(64)  NOT NULL,
    livemode            boolean      NOT NULL,
    amount              bigint       NOT NULL CHECK (amount > 0),
    currency            varchar(3)   NOT NULL,
    status              varchar(16)  NOT NULL,
    reason              varchar(500),
    metadata            text         NOT NULL DEFAULT '{}',
    failure_reason      varchar(64),
    processor_reference varchar(64),
    created_at          timestamptz  NOT NULL,
    updated_at          timestamptz  NOT NULL,
    version             bigint       NOT NULL DEFAULT 0
);
CREATE INDEX refunds_by_merchant ON refunds (merchant_id, livemode, created_at DESC, id DESC);
CREATE INDEX refunds_by_payment ON refunds (payment_id, created_at DESC, id DESC);
CREATE INDEX refunds_pending ON refunds (created_at) WHERE status = 'PENDING';
