-- PostgreSQL's form of dialect/sqlite/V012 (the same statements).
ALTER TABLE pagerduty_events ADD COLUMN note TEXT;
ALTER TABLE pagerduty_events ADD COLUMN note_author TEXT;
