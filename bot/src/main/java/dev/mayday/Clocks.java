package dev.mayday;

import dev.mayday.retry.Sleeper;

import java.time.Clock;

/**
 * The clocks a start is given. {@code stored} stamps what is stored (incidents, timelines, digests); {@code wall} and
 * {@code sleeper} time Slack's retries, rate limits and the outbox's backoff, so that a test can run a long outage
 * faster; {@code requests} is what Slack's request timestamps are checked against (the signature window).
 */
record Clocks(Clock stored, Clock wall, Sleeper sleeper, Clock requests) {
}
