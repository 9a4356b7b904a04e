-- Outbox leases (issue 14): a row being delivered is claimed by one process (claimed_by, its ProcessIdentity) until
-- lease_until (epoch millis), which that process renews while the delivery runs. Another process takes over a claim
-- only once its lease has run out; every write that ends an attempt names the claim it belongs to (claimed_by and
-- attempts), so a process that lost its lease cannot overwrite the new owner's result. Both NULL: not claimed.
ALTER TABLE outbox ADD COLUMN claimed_by TEXT;
ALTER TABLE outbox ADD COLUMN lease_until BIGINT;
