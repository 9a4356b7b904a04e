-- What an incident leaves behind for learning: the follow-up actions people committed to, the learnings they wrote
-- down (during the incident or after it), and each generated post-mortem draft. They are data, not only Markdown,
-- so the weekly digest can count what was learned and what is still open.

-- owner and created_by are Slack user ids; owner is null until someone takes the item. An item is done once:
-- done_at and done_by keep the first time it was marked, however often the button is pressed.
CREATE TABLE action_items (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    incident_id INTEGER NOT NULL REFERENCES incidents (id),
    text        TEXT    NOT NULL,
    owner       TEXT,
    state       TEXT    NOT NULL DEFAULT 'OPEN' CHECK (state IN ('OPEN', 'DONE')),
    created_by  TEXT    NOT NULL,
    created_at  INTEGER NOT NULL,
    done_at     INTEGER,
    done_by     TEXT,
    CHECK ((state = 'OPEN') = (done_at IS NULL))
);

CREATE INDEX action_items_incident ON action_items (incident_id, id);
CREATE INDEX action_items_open ON action_items (state, created_at);
CREATE INDEX action_items_done_at ON action_items (done_at);

CREATE TABLE learnings (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    incident_id INTEGER NOT NULL REFERENCES incidents (id),
    text        TEXT    NOT NULL,
    author      TEXT    NOT NULL,
    created_at  INTEGER NOT NULL
);

CREATE INDEX learnings_incident ON learnings (incident_id, id);

-- Every generated draft is kept; the highest version of an incident is its current draft. Regenerating adds the
-- next version, and the unique pair makes two concurrent generations unable to claim the same number.
CREATE TABLE postmortems (
    incident_id INTEGER NOT NULL REFERENCES incidents (id),
    version     INTEGER NOT NULL CHECK (version >= 1),
    markdown    TEXT    NOT NULL,
    created_at  INTEGER NOT NULL,
    UNIQUE (incident_id, version)
);
