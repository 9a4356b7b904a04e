package dev.mayday.incident;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** An incident as the domain sees it. Times not reached yet are null; use the Optional accessors. */
public record Incident(
        long id,
        String title,
        String summary,
        Severity severity,
        Status status,
        boolean isPrivate,
        String declaredBy,
        String lead,
        Instant declaredAt,
        Instant acknowledgedAt,
        Instant resolvedAt,
        Instant closedAt,
        String resolution,
        String originChannel,
        String channelId,
        String channelName,
        String cardTs,
        String announcementTs) {

    public Incident {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(declaredBy, "declaredBy");
        Objects.requireNonNull(lead, "lead");
        Objects.requireNonNull(declaredAt, "declaredAt");
    }

    public Optional<String> channel() {
        return Optional.ofNullable(channelId);
    }

    public Optional<String> card() {
        return Optional.ofNullable(cardTs);
    }

    public Optional<String> announcement() {
        return Optional.ofNullable(announcementTs);
    }

    public Incident withState(Severity newSeverity, Status newStatus, String newLead, Instant acknowledged,
                              Instant resolved, Instant closed, String newResolution) {
        return new Incident(id, title, summary, newSeverity, newStatus, isPrivate, declaredBy, newLead, declaredAt,
                acknowledged, resolved, closed, newResolution, originChannel, channelId, channelName, cardTs,
                announcementTs);
    }
}
