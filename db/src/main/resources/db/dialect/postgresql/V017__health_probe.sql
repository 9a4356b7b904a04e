-- PostgreSQL's form of dialect/sqlite/V017.
CREATE TABLE health_probe (
    id     INTEGER PRIMARY KEY CHECK (id = 1),
    probes BIGINT  NOT NULL
);
INSERT INTO health_probe (id, probes) VALUES (1, 0);
