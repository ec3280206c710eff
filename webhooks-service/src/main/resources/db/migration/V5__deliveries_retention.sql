-- Retention of the delivery log: ended deliveries (and their attempts) leave after the events'
-- retention period, oldest first; then their events may go too.
CREATE INDEX deliveries_ended ON deliveries (created_at) WHERE state <> 'PENDING';
