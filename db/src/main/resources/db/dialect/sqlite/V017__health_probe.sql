-- One row that GET /health rewrites through the same queue and transaction as every other write: a store that
-- still answers reads can have stopped taking writes (a full disk, a file system remounted read-only), and only a
-- write shows it. A counter rather than a time, so the probe needs no clock.
CREATE TABLE health_probe (
    id     INTEGER PRIMARY KEY CHECK (id = 1),
    probes INTEGER NOT NULL
);
INSERT INTO health_probe (id, probes) VALUES (1, 0);
