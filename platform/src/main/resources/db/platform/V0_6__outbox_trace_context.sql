-- The trace context (W3C traceparent) of the transaction that wrote an event, so that the relay's
-- producer span, sent later from its own thread, continues the trace of the request that caused it.
-- Null for events written outside any trace, and for those written before this version.
ALTER TABLE outbox ADD COLUMN traceparent varchar(128);
