-- An event the broker can never take (larger than the producer may send, say) is parked: kept for
-- inspection with the reason, and no longer pending, so that it does not hold the outbox back.
ALTER TABLE outbox ADD COLUMN parked_at timestamptz;
ALTER TABLE outbox ADD COLUMN park_reason varchar(500);
DROP INDEX outbox_unpublished;
CREATE INDEX outbox_pending ON outbox (id) WHERE published_at IS NULL AND parked_at IS NULL;
CREATE INDEX outbox_parked_at ON outbox (parked_at) WHERE parked_at IS NOT NULL;
