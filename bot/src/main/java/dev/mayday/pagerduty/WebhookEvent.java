package dev.mayday.pagerduty;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One PagerDuty v3 webhook delivery. {@code id} is stable across redeliveries (deduplicate on it);
 * {@code occurredAt} orders events, which PagerDuty does not always deliver in order.
 */
public record WebhookEvent(String id, String type, String resourceType, Instant occurredAt,
                           Optional<PagerDutyRef> agent, Optional<String> client, WebhookData data) {

    public WebhookEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        resourceType = resourceType == null ? "" : resourceType;
        Objects.requireNonNull(occurredAt, "occurredAt");
        agent = Objects.requireNonNullElse(agent, Optional.empty());
        client = Objects.requireNonNullElse(client, Optional.empty());
        Objects.requireNonNull(data, "data");
    }

    public WebhookEventType kind() {
        return WebhookEventType.of(type);
    }

    public Optional<String> incidentId() {
        return data.incidentId();
    }

    /** The incident snapshot carried by incident events ({@code data.type = incident}). */
    public Optional<PagerDutyIncident> incident() {
        return data instanceof WebhookData.IncidentData d ? Optional.of(d.incident()) : Optional.empty();
    }
}
