-- When the store came into being: the weekly digest is never posted for a week that ended before it (a first start
-- with DIGEST_CHANNEL set would otherwise post a digest of a week before Mayday existed). One row, epoch millis like
-- every time in this store. Flyway wrote down (in UTC) when the first migration ran: that is when the store was
-- created, for a new store and for one upgraded to this version alike. A server start whose clock reads earlier
-- lowers it (DigestDao.storeExistedAt), which only a clock other than the system's, a test's, ever does.
CREATE TABLE store_origin (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    created_at INTEGER NOT NULL
);
INSERT INTO store_origin (id, created_at)
SELECT 1, CAST(round((julianday(min(installed_on)) - 2440587.5) * 86400000.0) AS INTEGER)
FROM flyway_schema_history;
