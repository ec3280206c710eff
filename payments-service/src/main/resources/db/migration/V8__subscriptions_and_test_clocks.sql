-- Test clocks: simulated time a test-mode merchant advances at will. While a clock advances
-- (status 'advancing'), its frozen_time moves job by job towards advance_to, so an advance a crash
-- cut short resumes where it stopped.
CREATE TABLE test_clocks (
    id           varchar(48)  PRIMARY KEY,
    merchant_id  varchar(64)  NOT NULL,
    livemode     boolean      NOT NULL CHECK (NOT livemode),
    name         varchar(200),
    frozen_time  timestamptz  NOT NULL,
    status       varchar(16)  NOT NULL CHECK (status IN ('ready', 'advancing')),
    advance_to   timestamptz,
    created_at   timestamptz  NOT NULL,
    updated_at   timestamptz  NOT NULL,
    version      bigint       NOT NULL DEFAULT 0,
    CHECK ((status = 'advancing') = (advance_to IS NOT NULL))
);
CREATE INDEX test_clocks_by_merchant ON test_clocks (merchant_id, livemode, created_at DESC, id DESC);
CREATE INDEX test_clocks_advancing ON test_clocks (updated_at) WHERE status = 'advancing';

-- Subscriptions: a customer's stored method charged every interval. next_attempt_at is when the
-- scheduler must act next (a cycle, a retry, the end of the subscription), pending_payment the
-- cycle's payment still being processed.
CREATE TABLE subscriptions (
    id                    varchar(48)   PRIMARY KEY,
    merchant_id           varchar(64)   NOT NULL,
    livemode              boolean       NOT NULL,
    customer_id           varchar(64)   NOT NULL,
    payment_method_id     varchar(64)   NOT NULL,
    amount                bigint        NOT NULL CHECK (amount > 0),
    currency              varchar(3)    NOT NULL,
    billing_interval      varchar(8)    NOT NULL CHECK (billing_interval IN ('day', 'week', 'month', 'year')),
    interval_count        integer       NOT NULL CHECK (interval_count > 0),
    start_at              timestamptz   NOT NULL,
    end_at                timestamptz,
    cycles                integer       CHECK (cycles > 0),
    metadata              text          NOT NULL DEFAULT '{}',
    status                varchar(16)   NOT NULL,
    cancel_at_period_end  boolean       NOT NULL DEFAULT false,
    canceled_at           timestamptz,
    cancellation_reason   varchar(32),
    current_cycle         integer       NOT NULL DEFAULT 0,
    cycles_paid           integer       NOT NULL DEFAULT 0,
    attempt               integer       NOT NULL DEFAULT 0,
    next_attempt_at       timestamptz,
    pending_payment       varchar(64),
    latest_payment        varchar(64),
    test_clock            varchar(48)   REFERENCES test_clocks (id),
    created_at            timestamptz   NOT NULL,
    updated_at            timestamptz   NOT NULL,
    event_sequence        bigint        NOT NULL DEFAULT 0,
    version               bigint        NOT NULL DEFAULT 0
);
CREATE INDEX subscriptions_by_merchant ON subscriptions (merchant_id, livemode, created_at DESC, id DESC);
-- The scheduler's work: due subscriptions on real time; a clock's on its own.
CREATE INDEX subscriptions_due ON subscriptions (next_attempt_at) WHERE next_attempt_at IS NOT NULL AND test_clock IS NULL;
CREATE INDEX subscriptions_on_clock ON subscriptions (test_clock, next_attempt_at) WHERE test_clock IS NOT NULL;

-- Every attempt to charge a cycle, once: two schedulers can never open the same attempt twice.
CREATE TABLE subscription_attempts (
    subscription_id  varchar(48)  NOT NULL REFERENCES subscriptions (id),
    cycle            integer      NOT NULL,
    attempt          integer      NOT NULL,
    payment_id       varchar(64)  NOT NULL UNIQUE,
    created_at       timestamptz  NOT NULL,
    PRIMARY KEY (subscription_id, cycle, attempt)
);

-- A cycle's payment names its subscription; a payment may follow a test clock's time.
ALTER TABLE payments ADD COLUMN subscription varchar(48) REFERENCES subscriptions (id);
ALTER TABLE payments ADD COLUMN test_clock varchar(48) REFERENCES test_clocks (id);
CREATE INDEX payments_by_subscription ON payments (subscription, created_at DESC, id DESC) WHERE subscription IS NOT NULL;
-- Authorizations that expire: payments held in requires_capture, by real time or by a clock.
CREATE INDEX payments_held ON payments (created_at) WHERE status = 'REQUIRES_CAPTURE';
