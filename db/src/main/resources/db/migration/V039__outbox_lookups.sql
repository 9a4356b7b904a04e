-- Three outbox lookups that cost in proportion to the whole outbox, whose delivered rows are kept (issue 13):
--
-- The scheduler looks for the oldest due lane heads several times a second. It used to find every due pending row
-- (outbox_due), test each for being its lane's head and sort them all: during a storm of webhooks, with thousands
-- pending, a millisecond and more inside the writer's turn. This index lets the look walk pending rows oldest first
-- and stop at the few it takes.
CREATE INDEX outbox_pending_in_order ON outbox (state, id);
-- A PagerDuty note webhook asks whether Mayday wrote the note itself (its id is the result of a PagerNote row): that
-- read the whole outbox, once per note.
CREATE INDEX outbox_pager_notes ON outbox (result) WHERE type = 'PagerNote';
-- Every change made in Slack asks whether the incident is paged (a PagerPage row of the incident): that read every
-- outbox row of the incident, thousands in a long one. The type beside the incident makes it one look.
DROP INDEX outbox_incident;
CREATE INDEX outbox_incident ON outbox (incident_id, type);
