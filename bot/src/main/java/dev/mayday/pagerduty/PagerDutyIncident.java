package dev.mayday.pagerduty;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An incident as PagerDuty describes it, in a webhook's {@code event.data} or a REST answer. Text fields PagerDuty
 * always sends are empty strings when absent; {@code priority} is empty when the account has no priorities set.
 */
public record PagerDutyIncident(String id, int number, PagerDutyStatus status, String title, String htmlUrl,
                                String incidentKey, Optional<Instant> createdAt, Optional<PagerDutyRef> service,
                                List<PagerDutyRef> assignees, Optional<PagerDutyRef> escalationPolicy,
                                Optional<String> priority, String urgency) {

    public PagerDutyIncident {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("an incident needs an id");
        }
        Objects.requireNonNull(status, "status");
        title = orEmpty(title);
        htmlUrl = orEmpty(htmlUrl);
        incidentKey = orEmpty(incidentKey);
        createdAt = Objects.requireNonNullElse(createdAt, Optional.empty());
        service = Objects.requireNonNullElse(service, Optional.empty());
        assignees = assignees == null ? List.of() : List.copyOf(assignees);
        escalationPolicy = Objects.requireNonNullElse(escalationPolicy, Optional.empty());
        priority = Objects.requireNonNullElse(priority, Optional.empty());
        urgency = orEmpty(urgency);
    }

    public Optional<String> escalationPolicyId() {
        return escalationPolicy.map(PagerDutyRef::id);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
