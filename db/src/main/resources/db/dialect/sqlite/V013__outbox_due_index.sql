-- The outbox scheduler asks, after every scan, when the next pending row falls due (min(next_attempt_at) of the
-- PENDING rows) and which pending rows are due now: both become index lookups instead of scans of every pending row.
CREATE INDEX outbox_due ON outbox (state, next_attempt_at);
