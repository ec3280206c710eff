-- The public Events, as every topic this service reads brought them (payments.events,
-- refunds.events, methods.events). id is the CloudEvent id, so a replayed topic stores nothing twice.
CREATE TABLE events (
    id               varchar(64)  PRIMARY KEY,
    merchant_id      varchar(64)  NOT NULL,
    livemode         boolean      NOT NULL,
    type             varchar(64)  NOT NULL,
    -- the CloudEvent's time: the Event's created_at
    created_at       timestamptz  NOT NULL,
    received_at      timestamptz  NOT NULL,
    source_topic     varchar(64)  NOT NULL,
    -- events of a payment (payments.events, refunds.events): its id and PaymentHistory position
    payment_id       varchar(40),
    payment_position bigint,
    refund_position  bigint,
    -- the public per-payment sequence (PaymentSequencer); NULL while the event waits for one before it
    sequence         bigint,
    -- visible once it may be shown (numbered, or about no payment): its place in the one order every
    -- reader follows (the stream resumes after a Last-Event-ID by it). Assigned under a lock, so
    -- positions commit in increasing order: a reader never sees a gap fill in behind it.
    position         bigint       UNIQUE,
    -- deliveries to the merchant's endpoints were written for it
    fanned_out       boolean      NOT NULL DEFAULT false,
    data             text         NOT NULL
);
CREATE INDEX events_by_merchant ON events (merchant_id, livemode, created_at DESC, id DESC) WHERE position IS NOT NULL;
CREATE INDEX events_by_position ON events (merchant_id, livemode, position) WHERE position IS NOT NULL;
CREATE INDEX events_waiting ON events (payment_id) WHERE position IS NULL;
CREATE INDEX events_to_fan_out ON events (position) WHERE position IS NOT NULL AND NOT fanned_out;

-- How far each payment's public history is numbered (PaymentTimeline): kept beyond the events'
-- retention, so a refund months later still gets the next number.
CREATE TABLE payment_timelines (
    payment_id         varchar(40)  PRIMARY KEY,
    last_sequence      bigint       NOT NULL,
    last_payment_event bigint       NOT NULL,
    last_refund_event  bigint       NOT NULL,
    updated_at         timestamptz  NOT NULL
);

-- The single counter of event positions; its row is locked by whoever assigns positions.
CREATE TABLE event_positions (
    only_row  boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    last      bigint  NOT NULL
);
INSERT INTO event_positions (only_row, last) VALUES (true, 0);
