package dev.mayday.postmortem;

import java.time.Instant;

/** One stored version of an incident's draft; the highest version is the current one. */
public record StoredPostmortem(long incidentId, int version, String markdown, Instant createdAt) {
}
