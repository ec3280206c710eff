-- Disputes (issue 15): what a payment's dispute holds cannot be refunded as well. The view learns it
-- from payments.events (dispute.* events, and amount_disputed on payment events) and keeps it here,
-- beside what refunds claim; a refund claims its amount under the row's lock (SELECT ... FOR UPDATE)
-- as before, and news of a dispute is applied under the same lock, so the two go one at a time.
-- What is left to refund is amount_captured - amount_reserved - amount_disputed.
--
-- amount_disputed is what the dispute holds as far as refunds are concerned: never more than refunds
-- left. A refund claimed before the view heard of the dispute was already sent to the processor and
-- cannot be taken back, so the view then holds only what was left (the application clamps it).
-- amount_disputed_reported is what payments.events last reported, unclamped: should such a refund
-- fail and give its amount back, the hold grows back up to it before refunds get any of it.
-- Existing rows hold nothing (DEFAULT 0).
ALTER TABLE refundable_payments
    ADD COLUMN amount_disputed bigint NOT NULL DEFAULT 0,
    ADD COLUMN amount_disputed_reported bigint NOT NULL DEFAULT 0
        CONSTRAINT disputes_reported_never_negative CHECK (amount_disputed_reported >= 0);

-- The CHECK stays the database's last word, whichever instance serves a refund or applies an event:
-- refunds and disputes together never claim more than was captured. It replaces
-- refunds_never_exceed_captured (amount_reserved BETWEEN 0 AND amount_captured), which it implies.
ALTER TABLE refundable_payments
    DROP CONSTRAINT refunds_never_exceed_captured,
    ADD CONSTRAINT refunds_and_disputes_never_exceed_captured CHECK (
        amount_reserved >= 0
        AND amount_disputed >= 0
        AND amount_reserved + amount_disputed <= amount_captured);
