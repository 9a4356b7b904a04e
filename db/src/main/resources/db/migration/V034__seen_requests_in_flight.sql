-- A replayed Slack request landing on another process while the first is still being handled. On PostgreSQL (several
-- processes on one store) a request's digest is claimed in the store before it is handled: a row with carried_out = 0
-- and a short expiry (its claim's lease); a second process inserting the same digest finds it and answers 409 (being
-- handled) or "handled already" (carried_out = 1). The row is marked carried out after the answer, or deleted when
-- the request failed so that a retry is handled. On SQLite (one process) only carried-out requests are written, as
-- before: every existing row was carried out.
ALTER TABLE seen_requests ADD COLUMN carried_out INTEGER NOT NULL DEFAULT 1;
