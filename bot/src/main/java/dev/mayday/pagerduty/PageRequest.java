package dev.mayday.pagerduty;

import java.util.Objects;
import java.util.Optional;

/**
 * A new PagerDuty incident that pages someone: on {@code serviceId}, assigned to {@code assigneeId} (a PagerDuty user)
 * or, without one, to {@code escalationPolicyId} (empty: the service's own). {@code incidentKey} makes a repeat of the
 * same page find the first one instead of paging again.
 */
public record PageRequest(String serviceId, String title, String details, String incidentKey,
                          Optional<String> assigneeId, Optional<String> escalationPolicyId) {

    public PageRequest {
        Objects.requireNonNull(serviceId, "serviceId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(incidentKey, "incidentKey");
        details = details == null ? "" : details;
        assigneeId = Objects.requireNonNullElse(assigneeId, Optional.empty());
        escalationPolicyId = Objects.requireNonNullElse(escalationPolicyId, Optional.empty());
        if (title.isBlank() || incidentKey.isBlank()) {
            throw new IllegalArgumentException("a page needs a title and an incident key");
        }
    }
}
