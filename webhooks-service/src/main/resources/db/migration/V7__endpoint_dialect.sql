-- issue 11, seed dialects: the dialect an endpoint registered through a seed API's base path speaks
-- (dev.paysuite.dialects.Dialect#name, such as 'example'); its deliveries are written in it. NULL,
-- as for every endpoint before, is the canonical API. Chosen at creation, never changed.
ALTER TABLE webhook_endpoints ADD COLUMN dialect varchar(40);
