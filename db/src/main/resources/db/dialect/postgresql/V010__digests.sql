-- PostgreSQL's form of dialect/sqlite/V010 (replaced by V019).
CREATE TABLE digests (
    iso_week   TEXT    PRIMARY KEY,
    state      TEXT    NOT NULL CHECK (state IN ('INTENT', 'POSTED')),
    channel    TEXT,
    message_ts TEXT,
    created_at BIGINT  NOT NULL,
    posted_at  BIGINT,
    taken_over_at BIGINT,
    CHECK ((state = 'POSTED') = (posted_at IS NOT NULL))
);
