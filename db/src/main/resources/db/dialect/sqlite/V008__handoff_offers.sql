-- Hand-off offers: a lead who has held an open incident too long is offered a hand-off to the next in line, once
-- per lead stint. A stint is the lead's duty_assignments row, so a restart does not offer again and a new lead
-- starts a new stint. message_ts stays null until Slack has the offer; attempts counts posts tried, so a post
-- that may have landed is looked up by its delivery tag before it is tried again.
CREATE TABLE handoff_offers (
    assignment_id INTEGER PRIMARY KEY REFERENCES duty_assignments (id),
    incident_id   INTEGER NOT NULL REFERENCES incidents (id),
    lead          TEXT    NOT NULL,
    next_lead     TEXT    NOT NULL,
    offered_at    INTEGER NOT NULL,
    message_ts    TEXT,
    attempts      INTEGER NOT NULL DEFAULT 0,
    failure       TEXT
);
