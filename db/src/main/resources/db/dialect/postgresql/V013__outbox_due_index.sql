-- PostgreSQL's form of dialect/sqlite/V013 (the same statement).
CREATE INDEX outbox_due ON outbox (state, next_attempt_at);
