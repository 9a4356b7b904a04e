package dev.mayday.pagerduty;

import dev.mayday.incident.PagerEvent;

import java.util.Optional;
import java.util.stream.Collectors;

/** Translates PagerDuty's webhook events into the domain's pager events; returns empty for what Mayday ignores. */
public final class PagerDutyEvents {

    private final SeverityMapping severities;

    public PagerDutyEvents(SeverityMapping severities) {
        this.severities = severities;
    }

    public Optional<PagerEvent> translate(WebhookEvent event) {
        Optional<PagerEvent.Kind> kind = kindOf(event.kind());
        Optional<String> pagerId = event.incidentId();
        if (kind.isEmpty() || pagerId.isEmpty()) {
            return Optional.empty();
        }
        Optional<PagerDutyIncident> incident = event.incident();
        String agent = event.agent().map(PagerDutyRef::summary).filter(s -> !s.isBlank()).orElse(null);
        String detail = null;
        String noteId = null;
        if (event.data() instanceof WebhookData.Note note) {
            detail = note.content();
            noteId = note.noteId();
        } else if (kind.get() == PagerEvent.Kind.REASSIGNED || kind.get() == PagerEvent.Kind.ESCALATED) {
            detail = incident.map(i -> i.assignees().stream().map(PagerDutyRef::summary)
                    .collect(Collectors.joining(", "))).filter(s -> !s.isBlank()).orElse(null);
        }
        return Optional.of(new PagerEvent(event.id(), kind.get(), pagerId.get(), event.occurredAt(),
                incident.map(PagerDutyIncident::title).orElse(null),
                incident.map(PagerDutyIncident::htmlUrl).orElse(null),
                incident.flatMap(i -> severities.severityFor(i.priority(), i.urgency())),
                agent, detail, noteId,
                incident.flatMap(PagerDutyIncident::escalationPolicyId).orElse(null),
                incident.map(PagerDutyIncident::incidentKey).filter(k -> !k.isBlank()).orElse(null)));
    }

    private static Optional<PagerEvent.Kind> kindOf(WebhookEventType type) {
        return switch (type) {
            case TRIGGERED -> Optional.of(PagerEvent.Kind.TRIGGERED);
            case ACKNOWLEDGED -> Optional.of(PagerEvent.Kind.ACKNOWLEDGED);
            case UNACKNOWLEDGED -> Optional.of(PagerEvent.Kind.UNACKNOWLEDGED);
            case RESOLVED -> Optional.of(PagerEvent.Kind.RESOLVED);
            case REOPENED -> Optional.of(PagerEvent.Kind.REOPENED);
            case REASSIGNED, DELEGATED -> Optional.of(PagerEvent.Kind.REASSIGNED);
            case ESCALATED -> Optional.of(PagerEvent.Kind.ESCALATED);
            case PRIORITY_UPDATED -> Optional.of(PagerEvent.Kind.PRIORITY_UPDATED);
            case ANNOTATED -> Optional.of(PagerEvent.Kind.ANNOTATED);
            default -> Optional.empty();
        };
    }
}
