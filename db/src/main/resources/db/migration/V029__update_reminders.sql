-- Reminders when an incident goes quiet. A timer looks at open incidents; one that has had no update, status change or
-- severity change for its severity's interval (UPDATE_REMINDERS) gets a reminder, again after each further interval.
-- Exactly once is the store's to decide: a reminder is a row keyed by (incident, its number), written in the same
-- transaction as its post (an UpdateReminder outbox row), so a restart, a retried check or a second process that
-- computes the same reminder inserts nothing. Times are epoch millis (BIGINT, for the PostgreSQL port).
CREATE TABLE update_reminders (
    incident_id INTEGER NOT NULL REFERENCES incidents (id),
    -- 1, 2, 3, … over the incident's life
    number      INTEGER NOT NULL,
    -- the last update, status or severity change (or the declaration) the incident had when it was reminded
    quiet_since BIGINT  NOT NULL,
    reminded_at BIGINT  NOT NULL,
    PRIMARY KEY (incident_id, number)
);

-- "Snooze 30 min": no reminder for this incident before until_at. One row per incident, the latest snooze wins.
CREATE TABLE reminder_snoozes (
    incident_id INTEGER PRIMARY KEY REFERENCES incidents (id),
    until_at    BIGINT  NOT NULL,
    snoozed_by  TEXT    NOT NULL
);

-- A resolved incident not closed a day later gets one reminder to close it and write the post-mortem: once per
-- resolution (a reopened and resolved again incident may get another).
CREATE TABLE close_reminders (
    incident_id INTEGER NOT NULL REFERENCES incidents (id),
    resolved_at BIGINT  NOT NULL,
    reminded_at BIGINT  NOT NULL,
    PRIMARY KEY (incident_id, resolved_at)
);
