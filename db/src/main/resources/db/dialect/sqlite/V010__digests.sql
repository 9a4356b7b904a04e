-- The weekly learnings digest, once per ISO week ("2026-W47", in TEAM_TIMEZONE). Whoever inserts the INTENT row owns
-- the posting (the primary key makes two timers or two processes unable to both win); POSTED records where it landed.
-- An INTENT that never became POSTED means the process stopped between claiming and recording: the message may or
-- may not be in Slack, so it is looked up by its tag in the channel before anything is posted again.
CREATE TABLE digests (
    iso_week   TEXT    PRIMARY KEY,
    state      TEXT    NOT NULL CHECK (state IN ('INTENT', 'POSTED')),
    channel    TEXT,
    message_ts TEXT,
    created_at INTEGER NOT NULL,
    posted_at  INTEGER,
    -- when a restart last took over a stale INTENT to reconcile it (created_at keeps when the intent was first made,
    -- which bounds the search for the message)
    taken_over_at INTEGER,
    CHECK ((state = 'POSTED') = (posted_at IS NOT NULL))
);
