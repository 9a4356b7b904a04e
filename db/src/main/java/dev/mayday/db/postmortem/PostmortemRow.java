package dev.mayday.db.postmortem;

/** One row of {@code postmortems}: version {@code version} of an incident's draft, {@code createdAt} epoch millis. */
public record PostmortemRow(long incidentId, int version, String markdown, long createdAt) {
}
