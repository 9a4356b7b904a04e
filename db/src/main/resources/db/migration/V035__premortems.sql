-- Pre-mortems: before risky work, "imagine this failed: how?". Each has a channel of its own (pre-<date>-<slug>), made
-- by the outbox as an incident's is; request_key makes opening idempotent (the slash command's trigger). Numbers are
-- given by the store (MAX + 1 in the opening transaction): portable, no AUTOINCREMENT. Times are epoch millis.
CREATE TABLE premortems (
    id             BIGINT  PRIMARY KEY,
    change_text    TEXT    NOT NULL,
    opened_by      TEXT    NOT NULL,
    opened_at      BIGINT  NOT NULL,
    request_key    TEXT    NOT NULL UNIQUE,
    is_private     INTEGER NOT NULL DEFAULT 0,
    channel_id     TEXT    UNIQUE,
    channel_name   TEXT,
    card_ts        TEXT,
    rollback_plan  TEXT,
    closed_at      BIGINT,
    closed_by      TEXT
);
CREATE INDEX premortems_opened ON premortems (opened_at);

-- The names pre-mortems asked Slack for, claimed before conversations.create as channel_names (V014) is for incidents.
CREATE TABLE premortem_channel_names (
    name            TEXT    PRIMARY KEY,
    premortem_id    BIGINT  NOT NULL REFERENCES premortems (id),
    is_private      INTEGER NOT NULL,
    taken_elsewhere INTEGER NOT NULL DEFAULT 0
);

-- Risks, numbered 1, 2, … per pre-mortem. source_ts is the message a 📌 recorded (once per message).
CREATE TABLE premortem_risks (
    premortem_id BIGINT  NOT NULL REFERENCES premortems (id),
    number       INTEGER NOT NULL,
    risk_text    TEXT    NOT NULL,
    owner        TEXT,
    mitigation   TEXT,
    added_by     TEXT    NOT NULL,
    added_at     BIGINT  NOT NULL,
    source_ts    TEXT,
    PRIMARY KEY (premortem_id, number)
);
CREATE UNIQUE INDEX premortem_risks_source ON premortem_risks (premortem_id, source_ts);

-- Messages said in a pre-mortem channel, kept so that a 📌 on one records what it said.
CREATE TABLE premortem_messages (
    channel_id   TEXT   NOT NULL,
    ts           TEXT   NOT NULL,
    author       TEXT,
    message_text TEXT   NOT NULL,
    PRIMARY KEY (channel_id, ts)
);

-- The summary written at close, versioned as post-mortem drafts are.
CREATE TABLE premortem_summaries (
    premortem_id BIGINT  NOT NULL REFERENCES premortems (id),
    version      INTEGER NOT NULL,
    markdown     TEXT    NOT NULL,
    created_at   BIGINT  NOT NULL,
    file_id      TEXT,
    PRIMARY KEY (premortem_id, version)
);

-- An incident the pre-mortem foresaw (or not): which risk happened (none: NULL) and whether its rollback plan was used.
CREATE TABLE premortem_links (
    incident_id   BIGINT  PRIMARY KEY REFERENCES incidents (id),
    premortem_id  BIGINT  NOT NULL REFERENCES premortems (id),
    happened_risk INTEGER,
    rollback_used INTEGER NOT NULL DEFAULT 0,
    linked_by     TEXT    NOT NULL,
    linked_at     BIGINT  NOT NULL
);
CREATE INDEX premortem_links_premortem ON premortem_links (premortem_id);
