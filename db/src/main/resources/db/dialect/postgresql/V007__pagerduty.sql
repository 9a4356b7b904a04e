-- PostgreSQL's form of dialect/sqlite/V007.
ALTER TABLE incidents ADD COLUMN pagerduty_id TEXT;
ALTER TABLE incidents ADD COLUMN pagerduty_url TEXT;
ALTER TABLE incidents ADD COLUMN pagerduty_state_at BIGINT;
CREATE UNIQUE INDEX incidents_pagerduty_id ON incidents (pagerduty_id) WHERE pagerduty_id IS NOT NULL;

CREATE TABLE pagerduty_events (
    event_id    TEXT PRIMARY KEY,
    event_type  TEXT    NOT NULL,
    incident_id TEXT,
    occurred_at BIGINT  NOT NULL,
    received_at BIGINT  NOT NULL
);
