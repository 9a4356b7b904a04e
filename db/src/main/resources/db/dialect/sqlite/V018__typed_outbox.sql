-- The outbox, typed. What V004 documented (kinds SET_UP and CHANGE, one lane per incident, posted_ts) stopped being
-- true long ago; this is its real shape from now on.
--
-- A row is one publication: something that must happen outside (Slack, PagerDuty) because of a committed change. It
-- is written in the same transaction as the change, so a committed change can never lose it; the engine
-- (bot/.../outbox/Outbox) delivers the oldest pending row of each lane, one at a time, and retries with a backoff.
--
--   type        the publication's record type (dev.mayday.outbox.<type>, e.g. ChannelSetUp, ChangePosted, PagerNote)
--   payload     that record as JSON
--   lane        rows of one lane are delivered in id order, one at a time; the type decides it (today: per incident,
--               Slack apart from PagerDuty, so PagerDuty being out never holds up Slack)
--   incident_id the incident it is about, or NULL (a weekly digest, a direct message, an App Home)
--   unique_key  when set, no two rows carry it at once: enqueueing it again does nothing ("once per week"); with
--               unique_while_queued = 1 the key is let go when the row's first attempt starts, so it only merges
--               requests that wait together ("refresh this user's Home", however many changes ask for it meanwhile)
--   result      what the delivery recorded the moment the service answered (a Slack message ts, a PagerDuty note id),
--               so a retry does not do it again
--   state       PENDING, DONE or FAILED; attempts are counted before each one starts
CREATE TABLE outbox_typed (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    type            TEXT    NOT NULL,
    payload         TEXT    NOT NULL,
    lane            TEXT    NOT NULL,
    incident_id     INTEGER REFERENCES incidents (id),
    unique_key      TEXT    UNIQUE,
    unique_while_queued INTEGER NOT NULL DEFAULT 0,
    state           TEXT    NOT NULL DEFAULT 'PENDING',
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    result          TEXT,
    last_error      TEXT,
    created_at      INTEGER NOT NULL,
    done_at         INTEGER
);

-- Every row, pending ones included, keeps its id: a message already posted carries its row's id in its tag
-- (change-<id>), so a row retried after the upgrade still finds it.
INSERT INTO outbox_typed (id, type, payload, lane, incident_id, state, attempts, next_attempt_at, result, last_error,
                          created_at, done_at)
SELECT id,
       CASE kind
           WHEN 'DECLARED' THEN 'ChannelSetUp'
           WHEN 'CHANGED' THEN 'ChangePosted'
           WHEN 'POSTMORTEM' THEN 'PostmortemRequested'
           WHEN 'PAGER_RESOLVE' THEN 'PagerResolve'
           WHEN 'PAGER_NOTE' THEN 'PagerNote'
           WHEN 'PAGER_RESPONDERS' THEN 'PagerResponders'
           ELSE kind
       END,
       CASE kind
           WHEN 'CHANGED' THEN json_object('incidentId', incident_id, 'kind', change_kind, 'actor', actor, 'text', text)
           WHEN 'POSTMORTEM' THEN json_object('incidentId', incident_id, 'requestedBy', actor)
           WHEN 'PAGER_NOTE' THEN json_object('incidentId', incident_id, 'author', actor, 'text', text)
           WHEN 'PAGER_RESPONDERS' THEN json_object('incidentId', incident_id, 'escalationPolicyId', text)
           ELSE json_object('incidentId', incident_id)
       END,
       CASE WHEN kind LIKE 'PAGER\_%' ESCAPE '\' THEN 'pagerduty/incident/' ELSE 'slack/incident/' END || incident_id,
       incident_id, state, attempts, next_attempt_at, posted_ts, last_error, created_at, done_at
FROM outbox;

DROP TABLE outbox;
ALTER TABLE outbox_typed RENAME TO outbox;

-- The engine's two questions after every scan: which pending rows are due now (the oldest of each lane), and when
-- the next one falls due. Both are index lookups.
CREATE INDEX outbox_pending ON outbox (state, lane, id);
CREATE INDEX outbox_due ON outbox (state, next_attempt_at);
CREATE INDEX outbox_incident ON outbox (incident_id);
