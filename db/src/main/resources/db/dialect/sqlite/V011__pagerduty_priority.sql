-- The severity PagerDuty's priority mapped to in the newest event that carried one. A newer event showing another
-- priority means PagerDuty's priority changed, even when the priority_updated event itself arrives late (and is then
-- too old to apply) or not at all; a severity set in Slack stands until PagerDuty's priority changes again.
ALTER TABLE incidents ADD COLUMN pagerduty_severity TEXT;
