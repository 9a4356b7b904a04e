-- Restore drills: each backup Mayday takes on schedule (or `drill` takes now) and whether it restored. A scheduled
-- drill's row is written before it starts, keyed by its slot, so a restart or a second process never runs a slot twice;
-- finished_at stays empty for a drill that was cut short. Times are epoch millis like every time in this store.
CREATE TABLE restore_drills (
    slot            TEXT PRIMARY KEY,
    started_at      BIGINT NOT NULL,
    finished_at     BIGINT,
    ok              INTEGER,
    backup_file     TEXT,
    schema_version  TEXT,
    tables_compared INTEGER,
    rows_compared   BIGINT,
    restore_millis  BIGINT,
    failure         TEXT
);
CREATE INDEX restore_drills_finished ON restore_drills (finished_at);
