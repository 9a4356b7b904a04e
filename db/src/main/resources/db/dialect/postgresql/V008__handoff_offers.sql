-- PostgreSQL's form of dialect/sqlite/V008.
CREATE TABLE handoff_offers (
    assignment_id BIGINT  PRIMARY KEY REFERENCES duty_assignments (id),
    incident_id   BIGINT  NOT NULL REFERENCES incidents (id),
    lead          TEXT    NOT NULL,
    next_lead     TEXT    NOT NULL,
    offered_at    BIGINT  NOT NULL,
    message_ts    TEXT,
    attempts      INTEGER NOT NULL DEFAULT 0,
    failure       TEXT
);
