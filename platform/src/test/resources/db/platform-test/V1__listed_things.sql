-- Test-only: rows for the platform's own tests to list, page and write in transactions.
CREATE TABLE listed_things (
    id         varchar(64)  PRIMARY KEY,
    owner      varchar(64)  NOT NULL,
    created_at timestamptz  NOT NULL
);
CREATE INDEX listed_things_owner_created ON listed_things (owner, created_at DESC, id DESC);
