package dev.mayday.incident;

import java.time.Instant;
import java.util.Objects;

/** When an incident reached each point of its life; those not reached yet are null. */
public record IncidentTimes(Instant declaredAt, Instant acknowledgedAt, Instant resolvedAt, Instant closedAt) {

    public IncidentTimes {
        Objects.requireNonNull(declaredAt, "declaredAt");
    }

    public static IncidentTimes declared(Instant at) {
        return new IncidentTimes(at, null, null, null);
    }

    public IncidentTimes acknowledged(Instant at) {
        return new IncidentTimes(declaredAt, at, resolvedAt, closedAt);
    }

    /** Resolved at {@code at}; a close from before a reopen no longer holds. */
    public IncidentTimes resolved(Instant at) {
        return new IncidentTimes(declaredAt, acknowledgedAt, at, null);
    }

    public IncidentTimes closed(Instant at) {
        return new IncidentTimes(declaredAt, acknowledgedAt, resolvedAt, at);
    }

    /** Back to work: the resolution time no longer holds. */
    public IncidentTimes reopened() {
        return new IncidentTimes(declaredAt, acknowledgedAt, null, closedAt);
    }
}
