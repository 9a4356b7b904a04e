package dev.mayday.incident;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One event from the paging system, already translated out of its wire format. {@code severity} is set when
 * the pager's priority or urgency maps to one; {@code detail} is the human part (a note's text, who it was
 * reassigned to); {@code escalationPolicyId} lets the on-call responders be found; {@code incidentKey} (may be null)
 * names the incident Mayday paged for, when Mayday created the pager incident.
 */
public record PagerEvent(String eventId, Kind kind, String pagerId, Instant occurredAt, String title, String url,
                         Optional<Severity> severity, String agent, String detail, String noteId,
                         String escalationPolicyId, String incidentKey) {

    public enum Kind {
        TRIGGERED, ACKNOWLEDGED, UNACKNOWLEDGED, RESOLVED, REOPENED, REASSIGNED, ESCALATED, PRIORITY_UPDATED, ANNOTATED;

        /**
         * Events that declare an incident Mayday has not seen: deliveries come out of order, so even a resolve may be
         * the first to arrive (the incident is then recorded as resolved, and the late trigger cannot reopen it).
         */
        boolean opensAnIncident() {
            return this != ANNOTATED;
        }
    }

    public PagerEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(pagerId, "pagerId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        severity = severity == null ? Optional.empty() : severity;
    }
}
