-- A refund is recorded pending (its amount claimed) before the processor is asked; the refund id is
-- the acquirer key the processor refunds under, at most once.

-- The simulated acquirer's own memory (a real acquirer keeps this on its side): what it refunded
-- under each key, so that a refund asked twice is done once, and can be looked up.
CREATE TABLE simulator_refunds (
    acquirer_key varchar(40) PRIMARY KEY,
    reference    varchar(64) NOT NULL,
    amount       bigint      NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now()
);
