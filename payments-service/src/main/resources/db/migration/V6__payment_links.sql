-- Payment links: a shareable page where a customer pays a merchant (PaymentLink). Line items and
-- metadata are JSON text, as the payments' metadata is; the allowed method types a comma-separated list.
CREATE TABLE payment_links (
    id                   varchar(48)   PRIMARY KEY,
    merchant_id          varchar(64)   NOT NULL,
    livemode             boolean       NOT NULL,
    amount               bigint        NOT NULL CHECK (amount > 0),
    currency             varchar(3)    NOT NULL,
    line_items           text          NOT NULL DEFAULT '[]',
    description          varchar(1000),
    metadata             text          NOT NULL DEFAULT '{}',
    reusable             boolean       NOT NULL,
    expires_at           timestamptz,
    redirect_url         varchar(2048),
    payment_method_types varchar(200)  NOT NULL,
    deactivated          boolean       NOT NULL DEFAULT false,
    created_at           timestamptz   NOT NULL,
    updated_at           timestamptz   NOT NULL,
    version              bigint        NOT NULL DEFAULT 0
);
CREATE INDEX payment_links_by_merchant ON payment_links (merchant_id, livemode, created_at DESC, id DESC);

-- A payment made on a link's page names it. A one-time link's payment is decided under a lock on the
-- link's row (FOR NO KEY UPDATE, which never waits on the key-share lock this reference takes).
ALTER TABLE payments ADD COLUMN payment_link varchar(48) REFERENCES payment_links (id);
CREATE INDEX payments_by_link ON payments (payment_link, created_at DESC, id DESC) WHERE payment_link IS NOT NULL;
