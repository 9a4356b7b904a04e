-- PostgreSQL's form of dialect/sqlite/V015 (WITHOUT ROWID is SQLite's own; a PostgreSQL table has no rowid).
CREATE TABLE seen_requests (
    digest     TEXT    PRIMARY KEY,
    expires_at BIGINT  NOT NULL
);
CREATE INDEX seen_requests_expiry ON seen_requests (expires_at);
