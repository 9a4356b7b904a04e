package dev.mayday.digest;

import dev.mayday.incident.Severity;
import dev.mayday.incident.Status;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the digest knows of one incident. Times not reached are null; {@code responder} is the paired second responder
 * and {@code service} the PagerDuty service of its PagerDuty incident, both null when unknown. A practice incident
 * ({@code isPractice}, a drill) is listed apart and counted nowhere else, except in the duty load.
 */
public record IncidentFact(long id, String title, Severity severity, Status status, boolean isPrivate, String lead,
                           String responder, Instant declaredAt, Instant acknowledgedAt, Instant resolvedAt,
                           Instant closedAt, String service, boolean isPractice) {

    public IncidentFact {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(lead, "lead");
        Objects.requireNonNull(declaredAt, "declaredAt");
    }

    /** Not resolved or closed yet. */
    public boolean isOpen() {
        return status.isActive();
    }

    /** "#12 Checkout is down"; a private incident's title stays in its channel: "#12 (private incident)". */
    public String label() {
        return "#" + id + " " + (isPrivate ? "(private incident)" : title);
    }

    public Optional<String> pagerDutyService() {
        return Optional.ofNullable(service);
    }

    /** Empty when not acknowledged, or recorded before the declaration (a wrong number is worse than none). */
    public Optional<Duration> toAcknowledge() {
        return since(acknowledgedAt);
    }

    public Optional<Duration> toResolve() {
        return since(resolvedAt);
    }

    /** Declared to resolved, or to {@code asOf} while unresolved; never negative. */
    public Duration spentUntil(Instant asOf) {
        Instant end = resolvedAt != null ? resolvedAt : asOf;
        return end.isAfter(declaredAt) ? Duration.between(declaredAt, end) : Duration.ZERO;
    }

    private Optional<Duration> since(Instant at) {
        return Optional.ofNullable(at).filter(t -> !t.isBefore(declaredAt)).map(t -> Duration.between(declaredAt, t));
    }
}
