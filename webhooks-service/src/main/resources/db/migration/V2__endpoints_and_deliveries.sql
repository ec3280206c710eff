-- Webhook endpoints and their deliveries (written before they are attempted) with every attempt.
CREATE TABLE webhook_endpoints (
    id                          varchar(40)   PRIMARY KEY,
    merchant_id                 varchar(64)   NOT NULL,
    livemode                    boolean       NOT NULL,
    url                         varchar(2048) NOT NULL,
    enabled_events              text          NOT NULL,
    description                 varchar(1000),
    status                      varchar(16)   NOT NULL,
    -- signing secrets, sealed (AES-GCM under paysuite.webhooks.secret-key); never in clear
    secret_sealed               bytea         NOT NULL,
    previous_secret_sealed      bytea,
    previous_secret_expires_at  timestamptz,
    failing_since               timestamptz,
    deleted                     boolean       NOT NULL DEFAULT false,
    created_at                  timestamptz   NOT NULL,
    updated_at                  timestamptz   NOT NULL,
    version                     bigint        NOT NULL DEFAULT 0
);
CREATE INDEX webhook_endpoints_by_merchant ON webhook_endpoints (merchant_id, livemode, created_at DESC, id DESC);

CREATE TABLE deliveries (
    id               varchar(40)  PRIMARY KEY,
    endpoint_id      varchar(40)  NOT NULL REFERENCES webhook_endpoints (id),
    event_id         varchar(64)  NOT NULL REFERENCES events (id),
    state            varchar(16)  NOT NULL,
    attempts_made    integer      NOT NULL DEFAULT 0,
    first_attempt_at timestamptz,
    next_attempt_at  timestamptz,
    -- a worker holds the delivery while it attempts it (a crashed worker's claim runs out)
    claimed_until    timestamptz,
    created_at       timestamptz  NOT NULL,
    version          bigint       NOT NULL DEFAULT 0
);
CREATE INDEX deliveries_due ON deliveries (next_attempt_at) WHERE state = 'PENDING';
CREATE INDEX deliveries_by_endpoint ON deliveries (endpoint_id, created_at DESC);
CREATE INDEX deliveries_by_event ON deliveries (event_id);

CREATE TABLE delivery_attempts (
    delivery_id  varchar(40)  NOT NULL REFERENCES deliveries (id),
    number       integer      NOT NULL,
    endpoint_id  varchar(40)  NOT NULL,
    event_id     varchar(64)  NOT NULL,
    at           timestamptz  NOT NULL,
    status_code  integer,
    duration_ms  bigint       NOT NULL,
    error        varchar(500),
    PRIMARY KEY (delivery_id, number)
);
CREATE INDEX delivery_attempts_by_endpoint ON delivery_attempts (endpoint_id, at DESC);
