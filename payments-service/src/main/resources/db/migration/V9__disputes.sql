-- Disputes (chargebacks): a cardholder contesting a payment with their bank. At most one per
-- payment. What a dispute holds of the payment (its amount while open or once lost) is summed in
-- payments.amount_disputed; each of its events takes the payment's next event_sequence.
ALTER TABLE payments ADD COLUMN amount_disputed bigint NOT NULL DEFAULT 0;
ALTER TABLE payments ADD CONSTRAINT payments_disputed_within_captured
    CHECK (amount_disputed BETWEEN 0 AND amount_captured);

CREATE TABLE disputes (
    id                  varchar(48)   PRIMARY KEY,
    payment_id          varchar(64)   NOT NULL UNIQUE REFERENCES payments (id),
    merchant_id         varchar(64)   NOT NULL,
    livemode            boolean       NOT NULL,
    amount              bigint        NOT NULL CHECK (amount > 0),
    currency            varchar(3)    NOT NULL,
    reason              varchar(32)   NOT NULL,
    status              varchar(16)   NOT NULL
        CHECK (status IN ('NEEDS_RESPONSE', 'UNDER_REVIEW', 'WON', 'LOST', 'CLOSED')),
    -- the evidence given so far, as JSON: the text fields and the file references
    evidence            text          NOT NULL DEFAULT '{}',
    evidence_due_by     timestamptz   NOT NULL,
    submission_count    integer       NOT NULL DEFAULT 0,
    submitted_at        timestamptz,
    -- the acquirer's own name for the dispute: a notification seen twice opens it once
    acquirer_reference  varchar(64)   NOT NULL UNIQUE,
    -- what the acquirer must still be told (the evidence submitted, or that the merchant accepted),
    -- after the step that decided it committed; the scheduler tells it if the request could not
    acquirer_pending    varchar(16)   CHECK (acquirer_pending IN ('SUBMIT', 'ACCEPT')),
    created_at          timestamptz   NOT NULL,
    updated_at          timestamptz   NOT NULL,
    closed_at           timestamptz,
    version             bigint        NOT NULL DEFAULT 0,
    CHECK ((status IN ('WON', 'LOST', 'CLOSED')) = (closed_at IS NOT NULL))
);
CREATE INDEX disputes_by_merchant ON disputes (merchant_id, livemode, created_at DESC, id DESC);
CREATE INDEX disputes_to_tell ON disputes (updated_at) WHERE acquirer_pending IS NOT NULL;

-- The simulated acquirer's own books of disputes (written outside any transaction of ours, like
-- simulator_operations): a dispute it will notify at opens_at, and its decision on the evidence.
-- state: opening (not yet notified) -> open -> reviewing (evidence received, decides at decides_at)
-- -> decided (decision notified); or accepted (the merchant accepted it).
CREATE TABLE simulator_disputes (
    reference        varchar(64)   PRIMARY KEY,
    payment_id       varchar(64)   NOT NULL UNIQUE,
    merchant_id      varchar(64)   NOT NULL,
    livemode         boolean       NOT NULL,
    amount           bigint        NOT NULL,
    currency         varchar(3)    NOT NULL,
    reason           varchar(32)   NOT NULL,
    opens_at         timestamptz   NOT NULL,
    evidence_due_by  timestamptz   NOT NULL,
    state            varchar(16)   NOT NULL
        CHECK (state IN ('opening', 'open', 'reviewing', 'decided', 'accepted')),
    decision         varchar(16),
    decides_at       timestamptz,
    created_at       timestamptz   NOT NULL DEFAULT now()
);
CREATE INDEX simulator_disputes_due ON simulator_disputes (opens_at) WHERE state IN ('opening', 'open', 'reviewing');
