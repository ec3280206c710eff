-- The trace context (W3C traceparent) the event was consumed in, which continues the trace of the
-- request that caused it: its webhook deliveries, attempted later by the worker, join that trace.
-- Null for events stored before this version or read outside any trace.
ALTER TABLE events ADD COLUMN traceparent varchar(128);
