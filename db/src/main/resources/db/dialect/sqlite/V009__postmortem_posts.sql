-- Where an incident's current post-mortem draft is in Slack: regenerating replaces the file and updates the summary
-- message instead of adding a second one.
CREATE TABLE postmortem_posts (
    incident_id INTEGER PRIMARY KEY REFERENCES incidents (id),
    file_id     TEXT    NOT NULL,
    summary_ts  TEXT,
    version     INTEGER NOT NULL
);
