-- A payment event that follows from a refund event (payment.refunded carries refundsequence): it is
-- not numbered before that refund event is.
ALTER TABLE events ADD COLUMN after_refund_event bigint NOT NULL DEFAULT 0;
