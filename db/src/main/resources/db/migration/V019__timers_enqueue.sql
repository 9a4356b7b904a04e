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
