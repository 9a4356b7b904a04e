-- Facts that must reach the people involved (Slack today). A row is written in the same transaction as the
-- change it publishes, so a committed change can never lose its publication; a worker delivers rows in order
-- per incident and records what it posted as soon as Slack answers.
CREATE TABLE outbox (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    incident_id     INTEGER NOT NULL REFERENCES incidents (id),
    -- SET_UP (channel, topic, invites, card, announcement) or CHANGE (one timeline change)
    kind            TEXT    NOT NULL,
    change_kind     TEXT,
    actor           TEXT,
    text            TEXT,
    state           TEXT    NOT NULL DEFAULT 'PENDING',
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    -- the ts of the message this row posted, stored the moment Slack returned it: a retry will not post again
    posted_ts       TEXT,
    last_error      TEXT,
    created_at      INTEGER NOT NULL,
    done_at         INTEGER
);

CREATE INDEX outbox_pending ON outbox (state, incident_id, id);
