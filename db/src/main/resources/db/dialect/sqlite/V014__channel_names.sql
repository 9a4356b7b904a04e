-- Every channel name an incident asks Slack for is claimed here before conversations.create is called. Two incidents
-- with one title try the same names; with the name UNIQUE only one of them ever asks for it, so a name_taken on a name
-- an incident claimed is either its own earlier attempt (answer late or lost, process stopped) or a channel made
-- outside Mayday, never another incident's. taken_elsewhere records the second case, so retries skip the name.
CREATE TABLE channel_names (
    name            TEXT    PRIMARY KEY,
    incident_id     INTEGER NOT NULL REFERENCES incidents (id),
    is_private      INTEGER NOT NULL,
    taken_elsewhere INTEGER NOT NULL DEFAULT 0
);

CREATE INDEX channel_names_incident ON channel_names (incident_id);

-- Incidents whose channel Slack refused, once told about (INCIDENTS_CHANNEL or the declarer): the set-up keeps being
-- retried, and the notice is not repeated on every retry or after a restart.
CREATE TABLE channel_setup_notices (
    incident_id INTEGER PRIMARY KEY REFERENCES incidents (id),
    noted_at    INTEGER NOT NULL
);
