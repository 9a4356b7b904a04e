-- Timers only enqueue: what the roster notices, the hand-off offers and the weekly digest each delivered with their
-- own worker, attempt counter or ledger is now an outbox row (see V018), delivered by the one engine.

-- Roster direct messages. A notice still owed becomes a RosterNotice row (its lane: the person's direct messages, in
-- the order the changes were made); the notice columns go, with their index.
INSERT INTO outbox (type, payload, lane, state, attempts, next_attempt_at, last_error, created_at)
SELECT 'RosterNotice', json_object('changeId', id, 'target', target), 'slack/dm/' || target, 'PENDING',
       notice_attempts, coalesce(notice_due_at, changed_at), notice_error, changed_at
FROM duty_roster_changes
WHERE notice_state = 'PENDING'
ORDER BY id;

DROP INDEX duty_roster_changes_notices;
ALTER TABLE duty_roster_changes DROP COLUMN notice_state;
ALTER TABLE duty_roster_changes DROP COLUMN notice_attempts;
ALTER TABLE duty_roster_changes DROP COLUMN notice_due_at;
ALTER TABLE duty_roster_changes DROP COLUMN notice_ts;
ALTER TABLE duty_roster_changes DROP COLUMN notice_error;

-- Hand-off offers. The offer stays in handoff_offers (who was offered, and message_ts once posted, for the button);
-- its post is a HandOffOffered row queued with it. An offer not yet posted nor given up becomes such a row, keeping
-- its attempts so that its first try looks for the message by its tag (handoff:<stint>); the attempt counter and the
-- failure column go.
INSERT INTO outbox (type, payload, lane, incident_id, unique_key, state, attempts, next_attempt_at, created_at)
SELECT 'HandOffOffered', json_object('stint', assignment_id, 'incidentId', incident_id),
       'slack/incident/' || incident_id, incident_id, 'handoff-offer/' || assignment_id, 'PENDING', attempts,
       offered_at, offered_at
FROM handoff_offers
WHERE message_ts IS NULL AND failure IS NULL AND attempts < 5
ORDER BY offered_at, assignment_id;

ALTER TABLE handoff_offers DROP COLUMN attempts;
ALTER TABLE handoff_offers DROP COLUMN failure;

-- The weekly digest. Its exactly-once intent ledger becomes the outbox row's own uniqueness: one WeeklyDigest row per
-- ISO week, under the key weekly-digest/<week>. Every week the ledger knew gets that row, so it is never queued
-- again: DONE when it was posted, PENDING (one attempt counted, so the delivery first looks for the tagged message
-- posted since the intent) when a crash left it between posting and recording. digests keeps only what was posted,
-- where: what `/incident digest last` shows.
INSERT INTO outbox (type, payload, lane, unique_key, state, attempts, next_attempt_at, result, created_at, done_at)
SELECT 'WeeklyDigest', json_object('week', iso_week), 'slack/digest', 'weekly-digest/' || iso_week,
       CASE state WHEN 'POSTED' THEN 'DONE' ELSE 'PENDING' END, 1, created_at, message_ts, created_at, posted_at
FROM digests
ORDER BY iso_week;

CREATE TABLE digests_posted (
    iso_week   TEXT    PRIMARY KEY,
    channel    TEXT    NOT NULL,
    message_ts TEXT    NOT NULL,
    posted_at  INTEGER NOT NULL
);
INSERT INTO digests_posted (iso_week, channel, message_ts, posted_at)
SELECT iso_week, channel, message_ts, posted_at FROM digests WHERE state = 'POSTED';
DROP TABLE digests;
ALTER TABLE digests_posted RENAME TO digests;
