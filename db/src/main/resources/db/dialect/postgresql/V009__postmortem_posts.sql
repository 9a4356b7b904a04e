-- PostgreSQL's form of dialect/sqlite/V009.
CREATE TABLE postmortem_posts (
    incident_id BIGINT  PRIMARY KEY REFERENCES incidents (id),
    file_id     TEXT    NOT NULL,
    summary_ts  TEXT,
    version     INTEGER NOT NULL
);
