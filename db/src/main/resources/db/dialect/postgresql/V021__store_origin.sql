-- PostgreSQL's form of dialect/sqlite/V021 (read that one for why). Flyway's installed_on here is a timestamp without
-- a zone, written with now() in the session's zone: read back in that same zone, it is the instant it was.
CREATE TABLE store_origin (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    created_at BIGINT  NOT NULL
);
INSERT INTO store_origin (id, created_at)
SELECT 1, CAST(round(extract(epoch FROM min(installed_on)::timestamptz) * 1000) AS BIGINT)
FROM flyway_schema_history;
