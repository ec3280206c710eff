-- Events a consumer has applied, so that applying one again (a redelivery, a replay of the topic
-- from the beginning) changes nothing. One row per consumer and event id.
CREATE TABLE processed_events (
    consumer     varchar(64)  NOT NULL,
    event_id     varchar(64)  NOT NULL,
    event_type   varchar(64)  NOT NULL,
    processed_at timestamptz  NOT NULL DEFAULT now(),
    processed_by varchar(128) NOT NULL,
    PRIMARY KEY (consumer, event_id)
);
