-- issue 9, deliveries: when the endpoint last answered a 2xx. WebhookEndpoint.recordOutcome needs it
-- to tell a failure that started before the latest success (attempts run side by side and are
-- recorded out of order) from one that starts a new run of failures toward disabling the endpoint.
ALTER TABLE webhook_endpoints ADD COLUMN last_success_at timestamptz;
