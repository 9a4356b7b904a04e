-- PostgreSQL's form of dialect/sqlite/V011 (the same statement).
ALTER TABLE incidents ADD COLUMN pagerduty_severity TEXT;
