-- PostgreSQL's form of dialect/sqlite/V003.
ALTER TABLE timeline_events ADD COLUMN thread_ts TEXT;
ALTER TABLE timeline_events ADD COLUMN deleted INTEGER NOT NULL DEFAULT 0;
ALTER TABLE timeline_events ADD COLUMN edited_at BIGINT;

CREATE TABLE processed_events (
    event_id    TEXT    PRIMARY KEY,
    received_at BIGINT  NOT NULL
);

CREATE TABLE pin_reactions (
    channel_id TEXT NOT NULL,
    message_ts TEXT NOT NULL,
    user_id    TEXT NOT NULL,
    PRIMARY KEY (channel_id, message_ts, user_id)
);
