-- Slack Web API methods that Slack asked to be left alone (HTTP 429 with Retry-After) until until_at (epoch
-- milliseconds). Every process sharing the store reads this table (at most a few times a second, kept in memory
-- between reads) before calling a method, so N processes behind a load balancer wait out one 429 together instead of
-- hammering Slack N times. A later pause replaces an earlier one, never the other way round; expired rows are pruned
-- when a new pause is written.
CREATE TABLE slack_pauses (
    method   TEXT   PRIMARY KEY,
    until_at BIGINT NOT NULL
);
