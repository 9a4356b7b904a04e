package dev.mayday.incident;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An incident as the domain sees it. Times not reached yet are null; use the Optional accessors. {@code responder}
 * is the second responder paired with the lead (SEV1/SEV2, when the rotation found one), {@code leadReason} one
 * line saying why the lead was picked; both may be null.
 */
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
        String announcementTs,
        String responder,
        String leadReason) {

    public Incident {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(declaredBy, "declaredBy");
        Objects.requireNonNull(lead, "lead");
        Objects.requireNonNull(declaredAt, "declaredAt");
    }

    /** An incident without a paired responder or a reason for its lead. */
    public Incident(long id, String title, String summary, Severity severity, Status status, boolean isPrivate,
                    String declaredBy, String lead, Instant declaredAt, Instant acknowledgedAt, Instant resolvedAt,
                    Instant closedAt, String resolution, String originChannel, String channelId, String channelName,
                    String cardTs, String announcementTs) {
        this(id, title, summary, severity, status, isPrivate, declaredBy, lead, declaredAt, acknowledgedAt, resolvedAt,
                closedAt, resolution, originChannel, channelId, channelName, cardTs, announcementTs, null, null);
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
                announcementTs, responder, leadReason);
    }

    public Optional<String> pairedResponder() {
        return Optional.ofNullable(responder);
    }

    /** The same incident with the people the rotation chose (or its lead handed over, with no reason any more). */
    public Incident withAssignment(String newLead, String newResponder, String newLeadReason) {
        return new Incident(id, title, summary, severity, status, isPrivate, declaredBy, newLead, declaredAt,
                acknowledgedAt, resolvedAt, closedAt, resolution, originChannel, channelId, channelName, cardTs,
                announcementTs, newResponder, newLeadReason);
    }
}
