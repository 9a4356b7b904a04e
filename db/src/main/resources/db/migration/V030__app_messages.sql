-- What apps and alert bots post in incident channels. They are not anyone's words, so they are not timeline chatter
-- (the post-mortem and the digest count people's messages), but a 📌 on one records its text: kept here, by channel
-- and ts, as the message arrives and as it is edited (alert bots rewrite their messages as alerts change).
CREATE TABLE app_messages (
    channel_id TEXT   NOT NULL,
    message_ts TEXT   NOT NULL,
    -- the app's bot user (U…) when Slack names one, else its bot id (B…)
    author     TEXT   NOT NULL,
    text       TEXT   NOT NULL,
    posted_at  BIGINT NOT NULL,
    PRIMARY KEY (channel_id, message_ts)
);
