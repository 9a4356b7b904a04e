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
