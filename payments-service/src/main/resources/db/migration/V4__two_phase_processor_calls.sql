-- A payment is recorded processing, with the operation it submitted to the processor, before the
-- processor is asked; the answer is recorded after. The acquirer key (the payment id and the
-- operation) is what the processor does each operation under, at most once.
ALTER TABLE payments ADD COLUMN pending_operation varchar(32);
ALTER TABLE payments ADD COLUMN pending_amount bigint;
ALTER TABLE payments ADD COLUMN pending_acquirer_key varchar(80);
ALTER TABLE payments ADD COLUMN pending_since timestamptz;
ALTER TABLE payments ADD CONSTRAINT payments_processing_has_an_operation
    CHECK ((status = 'PROCESSING') = (pending_operation IS NOT NULL));
-- The reconciler finds payments left processing, oldest first.
CREATE INDEX payments_processing ON payments (pending_since) WHERE status = 'PROCESSING';

-- The simulated acquirer's own memory (a real acquirer keeps this on its side): what it did under
-- each acquirer key, so that a request sent twice under one key is done once, and can be looked up.
CREATE TABLE simulator_operations (
    acquirer_key    varchar(80)  PRIMARY KEY,
    operation       varchar(32)  NOT NULL,
    outcome         varchar(32)  NOT NULL,
    reference       varchar(64)  NOT NULL,
    amount          bigint       NOT NULL,
    failure_code    varchar(64),
    decline_code    varchar(64),
    failure_message varchar(500),
    next_action_url varchar(500),
    created_at      timestamptz  NOT NULL DEFAULT now()
);
