package dev.mayday.pagerduty;

import java.util.Objects;

/** A PagerDuty service and the escalation policy that pages for it. */
public record PagerDutyService(String id, String name, String escalationPolicyId) {

    public PagerDutyService {
        Objects.requireNonNull(id, "id");
        name = name == null ? "" : name;
        escalationPolicyId = escalationPolicyId == null ? "" : escalationPolicyId;
    }
}
