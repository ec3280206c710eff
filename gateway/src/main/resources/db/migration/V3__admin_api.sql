-- The admin API. A rolled key keeps working until expires_at (its grace period), then is refused.
ALTER TABLE api_keys ADD COLUMN expires_at timestamptz;

-- Every admin change: who (the token's client, subject and user name), what, on which merchant and
-- object, and when. Keys appear by id and display prefix only, never by secret or hash.
CREATE TABLE admin_audit_events (
    id              varchar(64)  PRIMARY KEY,
    actor_client_id varchar(255) NOT NULL,
    actor_subject   varchar(255),
    actor_username  varchar(255),
    action          varchar(64)  NOT NULL,
    merchant_id     varchar(64),
    object_id       varchar(64)  NOT NULL,
    details         jsonb        NOT NULL DEFAULT '{}',
    created_at      timestamptz  NOT NULL
);
CREATE INDEX admin_audit_events_newest_first ON admin_audit_events (created_at DESC, id DESC);
