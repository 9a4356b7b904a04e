-- The PagerDuty incident an incident mirrors, and the time of the newest PagerDuty event applied to it:
-- deliveries can arrive out of order, and an older event must never move the state backwards.
ALTER TABLE incidents ADD COLUMN pagerduty_id TEXT;
ALTER TABLE incidents ADD COLUMN pagerduty_url TEXT;
ALTER TABLE incidents ADD COLUMN pagerduty_state_at INTEGER;
CREATE UNIQUE INDEX incidents_pagerduty_id ON incidents (pagerduty_id) WHERE pagerduty_id IS NOT NULL;

-- Every webhook delivery seen, by PagerDuty's event id: a repeat is acknowledged and ignored.
CREATE TABLE pagerduty_events (
    event_id    TEXT PRIMARY KEY,
    event_type  TEXT    NOT NULL,
    incident_id TEXT,
    occurred_at INTEGER NOT NULL,
    received_at INTEGER NOT NULL
);
