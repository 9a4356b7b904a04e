CREATE TABLE timeline_events (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    incident_id   INTEGER NOT NULL REFERENCES incidents (id),
    occurred_at   INTEGER NOT NULL,
    kind          TEXT    NOT NULL,
    actor         TEXT,
    text          TEXT,
    -- key events make the post-mortem's timeline; plain chatter does not
    is_key        INTEGER NOT NULL DEFAULT 1,
    slack_ts      TEXT,
    -- a delivery seen twice (Slack retry, double click) maps to the same key and is stored once
    dedupe_key    TEXT    UNIQUE
);

CREATE INDEX timeline_events_incident ON timeline_events (incident_id, occurred_at);
