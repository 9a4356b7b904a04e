-- Slack requests already acted on, by the SHA-256 of their signed timestamp and body, so that a signed request
-- captured and sent again within the signature window changes nothing. A request is claimed before it is handled
-- (done = 0, by this process's boot id), marked done when its answer is a success, and deleted when it failed, so
-- that the sender's retry is handled. A claim left by an earlier process (killed mid-request) or older than a
-- handler can take does not count as seen. Rows expire a little after the window and are pruned as new ones come.
CREATE TABLE seen_requests (
    digest     TEXT    PRIMARY KEY,
    boot       TEXT    NOT NULL,
    done       INTEGER NOT NULL DEFAULT 0,
    claimed_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX seen_requests_expiry ON seen_requests (expires_at);
