-- The duty rotation. A member keeps their row after leaving (left_at set), so the ledger survives a rejoin;
-- rejoining sets them level with the pool again. Each ledger (LEAD, RESPONDER) is three numbers: the fair share
-- accrued while available (it starts at the pool's mean deficit, not zero, so a newcomer is neither owed nor owing),
-- the turns credited, and the sequence of the last assignment (ties go to the least recently assigned).
CREATE TABLE duty_members (
    user_id            TEXT    PRIMARY KEY,
    kind               TEXT    NOT NULL CHECK (kind IN ('ENGINEER', 'MANAGER')),
    joined_at          INTEGER NOT NULL,
    left_at            INTEGER,
    lead_share         REAL    NOT NULL DEFAULT 0,
    leads              INTEGER NOT NULL DEFAULT 0,
    last_lead_seq      INTEGER NOT NULL DEFAULT 0,
    responder_share    REAL    NOT NULL DEFAULT 0,
    responder_turns    INTEGER NOT NULL DEFAULT 0,
    last_responder_seq INTEGER NOT NULL DEFAULT 0
);

-- Time away, [starts_at, ends_at) in epoch milliseconds: computed from whole days in TEAM_TIMEZONE.
CREATE TABLE duty_absences (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id   TEXT    NOT NULL REFERENCES duty_members (user_id),
    starts_at INTEGER NOT NULL,
    ends_at   INTEGER NOT NULL,
    CHECK (starts_at < ends_at)
);

CREATE INDEX duty_absences_user ON duty_absences (user_id, ends_at);

-- Who held which role on which incident, and until when (a hand-off ends one row and starts the next).
-- credited says whether the holder's ledger counted it, so a hand-off moves exactly the credit that was given.
CREATE TABLE duty_assignments (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    incident_id INTEGER NOT NULL REFERENCES incidents (id),
    user_id     TEXT    NOT NULL,
    role        TEXT    NOT NULL CHECK (role IN ('LEAD', 'RESPONDER')),
    credited    INTEGER NOT NULL,
    assigned_at INTEGER NOT NULL,
    ended_at    INTEGER,
    reason      TEXT
);

CREATE INDEX duty_assignments_incident ON duty_assignments (incident_id, role, ended_at);

-- The second responder paired with the lead on SEV1/SEV2, and one line saying why the lead was picked.
ALTER TABLE incidents ADD COLUMN responder TEXT;
ALTER TABLE incidents ADD COLUMN lead_reason TEXT;
