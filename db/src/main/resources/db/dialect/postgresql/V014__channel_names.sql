-- PostgreSQL's form of dialect/sqlite/V014.
CREATE TABLE channel_names (
    name            TEXT    PRIMARY KEY,
    incident_id     BIGINT  NOT NULL REFERENCES incidents (id),
    is_private      INTEGER NOT NULL,
    taken_elsewhere INTEGER NOT NULL DEFAULT 0
);

CREATE INDEX channel_names_incident ON channel_names (incident_id);

CREATE TABLE channel_setup_notices (
    incident_id BIGINT  PRIMARY KEY REFERENCES incidents (id),
    noted_at    BIGINT  NOT NULL
);
