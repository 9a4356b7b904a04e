-- Who changed the duty roster, whom it concerned, what changed and when: one row per join, leave, time away and
-- return, written in the same transaction as the change itself, so the record and the change cannot part.
-- A change made to someone by somebody else also owes that person a direct message: notice_state is PENDING until
-- Slack has taken it (SENT, with the message's ts) or refused it for good (FAILED); NULL when nothing is owed (a
-- change to yourself). A worker delivers pending notices, so a crash never loses one.
CREATE TABLE duty_roster_changes (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    changed_at      INTEGER NOT NULL,
    actor           TEXT    NOT NULL,
    target          TEXT    NOT NULL,
    action          TEXT    NOT NULL CHECK (action IN ('JOINED', 'LEFT', 'AWAY', 'BACK')),
    -- JOINED: the kind they joined as
    kind            TEXT    CHECK (kind IN ('ENGINEER', 'MANAGER')),
    -- AWAY: the first and last day away (yyyy-MM-dd in TEAM_TIMEZONE), as asked
    first_day       TEXT,
    last_day        TEXT,
    notice_state    TEXT    CHECK (notice_state IN ('PENDING', 'SENT', 'FAILED')),
    notice_attempts INTEGER NOT NULL DEFAULT 0,
    notice_due_at   INTEGER,
    notice_ts       TEXT,
    notice_error    TEXT
);

CREATE INDEX duty_roster_changes_notices ON duty_roster_changes (notice_state, notice_due_at);
