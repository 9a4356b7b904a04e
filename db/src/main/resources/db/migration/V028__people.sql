-- The Slack display names (and emails) of people Mayday has looked up with users.info, so that the post-mortem
-- file, the digest and the command line name people instead of showing their user ids, and paging needs no second
-- lookup. Refreshed when older than a day; the command line reads it and never asks Slack.
CREATE TABLE people (
    user_id      TEXT   PRIMARY KEY,
    display_name TEXT   NOT NULL,
    email        TEXT,
    fetched_at   BIGINT NOT NULL
);
