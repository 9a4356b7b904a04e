-- The timeline also captures what people say in the incident channel (kind MESSAGE, is_key = 0), from Slack's
-- Events API. A message keeps its Slack ts in slack_ts and, for a thread reply, its parent's ts in thread_ts.
-- A deleted message (or an unpinned key event) is kept but marked, so drafts leave it out and a late re-delivery
-- of the original cannot bring it back.
ALTER TABLE timeline_events ADD COLUMN thread_ts TEXT;
ALTER TABLE timeline_events ADD COLUMN deleted INTEGER NOT NULL DEFAULT 0;
ALTER TABLE timeline_events ADD COLUMN edited_at INTEGER;

-- Slack retries an event it thinks failed, under the same event_id: a delivery whose id is here was already
-- applied. Written in the same transaction as the event's effect.
CREATE TABLE processed_events (
    event_id    TEXT    PRIMARY KEY,
    received_at INTEGER NOT NULL
);

-- Who currently has a 📌 reaction on a message of an incident channel: the PINNED key event stays while anyone
-- does. user_id '*' stands for a pin made another way (the "Add to timeline" shortcut), which no reaction undoes.
CREATE TABLE pin_reactions (
    channel_id TEXT NOT NULL,
    message_ts TEXT NOT NULL,
    user_id    TEXT NOT NULL,
    PRIMARY KEY (channel_id, message_ts, user_id)
);
