package dev.mayday.db.reminder;

/** A resolved incident still not closed, resolved at {@code resolvedAt} (epoch millis), not yet reminded to close. */
public record UnclosedIncidentRow(long incidentId, long resolvedAt) {
}
