-- PostgreSQL's form of dialect/sqlite/V019 (read that one for why): json_build_object for SQLite's json_object.
INSERT INTO outbox (type, payload, lane, state, attempts, next_attempt_at, last_error, created_at)
SELECT 'RosterNotice', json_build_object('changeId', id, 'target', target)::text, 'slack/dm/' || target, 'PENDING',
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

INSERT INTO outbox (type, payload, lane, incident_id, unique_key, state, attempts, next_attempt_at, created_at)
SELECT 'HandOffOffered', json_build_object('stint', assignment_id, 'incidentId', incident_id)::text,
       'slack/incident/' || incident_id, incident_id, 'handoff-offer/' || assignment_id, 'PENDING', attempts,
       offered_at, offered_at
FROM handoff_offers
WHERE message_ts IS NULL AND failure IS NULL AND attempts < 5
ORDER BY offered_at, assignment_id;

ALTER TABLE handoff_offers DROP COLUMN attempts;
ALTER TABLE handoff_offers DROP COLUMN failure;

INSERT INTO outbox (type, payload, lane, unique_key, state, attempts, next_attempt_at, result, created_at, done_at)
SELECT 'WeeklyDigest', json_build_object('week', iso_week)::text, 'slack/digest', 'weekly-digest/' || iso_week,
       CASE state WHEN 'POSTED' THEN 'DONE' ELSE 'PENDING' END, 1, created_at, message_ts, created_at, posted_at
FROM digests
ORDER BY iso_week;

CREATE TABLE digests_posted (
    iso_week   TEXT    PRIMARY KEY,
    channel    TEXT    NOT NULL,
    message_ts TEXT    NOT NULL,
    posted_at  BIGINT  NOT NULL
);
INSERT INTO digests_posted (iso_week, channel, message_ts, posted_at)
SELECT iso_week, channel, message_ts, posted_at FROM digests WHERE state = 'POSTED';
DROP TABLE digests;
ALTER TABLE digests_posted RENAME TO digests;
