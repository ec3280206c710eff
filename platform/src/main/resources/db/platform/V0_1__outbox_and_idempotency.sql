-- The tables the platform adapters use, in every service's own database. Services run these with
-- their own migrations (quarkus.flyway.locations=db/migration,db/platform); platform versions are
-- 0.x so they always come before a service's V1.

-- Transactional outbox: written with the change it announces, relayed to Kafka in id order.
CREATE TABLE outbox (
    id           bigserial    PRIMARY KEY,
    event_id     varchar(64)  NOT NULL UNIQUE,
    topic        varchar(128) NOT NULL,
    message_key  varchar(128) NOT NULL,
    event_type   varchar(64)  NOT NULL,
    payload      text         NOT NULL,
    created_at   timestamptz  NOT NULL,
    published_at timestamptz
);
CREATE INDEX outbox_unpublished ON outbox (id) WHERE published_at IS NULL;
CREATE INDEX outbox_published_at ON outbox (published_at) WHERE published_at IS NOT NULL;

-- Idempotency-Key: per merchant, the first answer kept for replay.
CREATE TABLE idempotency_keys (
    merchant_id     varchar(64)  NOT NULL,
    idempotency_key varchar(255) NOT NULL,
    request_hash    varchar(64)  NOT NULL,
    state           varchar(16)  NOT NULL,
    response_status integer,
    response_body   text,
    locked_at       timestamptz  NOT NULL,
    created_at      timestamptz  NOT NULL,
    completed_at    timestamptz,
    PRIMARY KEY (merchant_id, idempotency_key)
);
CREATE INDEX idempotency_keys_created_at ON idempotency_keys (created_at);
