-- A PagerDuty note delivered before any event that opens its incident (deliveries come in any order) is kept here,
-- and added to the incident's timeline when the incident is declared, instead of being lost.
ALTER TABLE pagerduty_events ADD COLUMN note TEXT;
ALTER TABLE pagerduty_events ADD COLUMN note_author TEXT;
