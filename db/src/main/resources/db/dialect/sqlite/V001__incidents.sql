-- Times are epoch milliseconds (UTC); rendering in TEAM_TIMEZONE happens at the edges.
CREATE TABLE incidents (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    title           TEXT    NOT NULL,
    summary         TEXT,
    severity        TEXT    NOT NULL,
    status          TEXT    NOT NULL,
    is_private      INTEGER NOT NULL DEFAULT 0,
    declared_by     TEXT    NOT NULL,
    lead            TEXT    NOT NULL,
    declared_at     INTEGER NOT NULL,
    acknowledged_at INTEGER,
    resolved_at     INTEGER,
    closed_at       INTEGER,
    resolution      TEXT,
    -- where the declaration came from (slash command trigger, modal view, PagerDuty id): makes re-deliveries no-ops
    origin_key      TEXT    NOT NULL UNIQUE,
    -- the channel the /incident command was typed in, for private replies while the incident channel is being set up
    origin_channel  TEXT,
    channel_id      TEXT    UNIQUE,
    channel_name    TEXT,
    card_ts         TEXT,
    announcement_ts TEXT,
    updated_at      INTEGER NOT NULL
);

CREATE INDEX incidents_status ON incidents (status);
