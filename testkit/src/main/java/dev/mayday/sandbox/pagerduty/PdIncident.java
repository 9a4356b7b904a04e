package dev.mayday.sandbox.pagerduty;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An incident in the fake, in PagerDuty's wire vocabulary ({@code status} is "triggered", "acknowledged" or
 * "resolved"; {@code priority} is a name such as "P1", or null when the account has no priorities).
 */
public record PdIncident(String id, int number, String title, String status, String urgency, String priority,
                         String serviceId, String serviceName, String escalationPolicyId, List<PdUser> assignees,
                         String incidentKey, Instant createdAt) {

    private static final Set<String> STATUSES = Set.of("triggered", "acknowledged", "resolved");

    public PdIncident {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        if (!STATUSES.contains(status)) {
            throw new IllegalArgumentException("not a PagerDuty status: " + status);
        }
        Objects.requireNonNull(urgency, "urgency");
        Objects.requireNonNull(serviceId, "serviceId");
        Objects.requireNonNull(serviceName, "serviceName");
        Objects.requireNonNull(escalationPolicyId, "escalationPolicyId");
        assignees = List.copyOf(assignees);
        Objects.requireNonNull(incidentKey, "incidentKey");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** The web page of the incident, as PagerDuty would link it. */
    public String htmlUrl() {
        return "https://mayday-sandbox.pagerduty.com/incidents/" + id;
    }

    public PdIncident withStatus(String newStatus) {
        return new PdIncident(id, number, title, newStatus, urgency, priority, serviceId, serviceName,
                escalationPolicyId, assignees, incidentKey, createdAt);
    }

    public PdIncident withAssignees(List<PdUser> newAssignees) {
        return new PdIncident(id, number, title, status, urgency, priority, serviceId, serviceName,
                escalationPolicyId, newAssignees, incidentKey, createdAt);
    }

    public PdIncident withPriority(String newPriority) {
        return new PdIncident(id, number, title, status, urgency, newPriority, serviceId, serviceName,
                escalationPolicyId, assignees, incidentKey, createdAt);
    }

    public PdIncident withUrgency(String newUrgency) {
        return new PdIncident(id, number, title, status, newUrgency, priority, serviceId, serviceName,
                escalationPolicyId, assignees, incidentKey, createdAt);
    }
}
