-- Slack requests already acted on, by the SHA-256 of their signed timestamp and body, so that a signed request
-- captured and sent again within the signature window changes nothing. A digest is written once its request was
-- carried out (written in batches just after the answer, off the request's path); rows expire a little after the
-- window, when the signature check refuses the request anyway, and are pruned as new ones come.
CREATE TABLE seen_requests (
    digest     TEXT    PRIMARY KEY,
    expires_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX seen_requests_expiry ON seen_requests (expires_at);
