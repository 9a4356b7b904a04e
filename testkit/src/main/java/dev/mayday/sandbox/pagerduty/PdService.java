package dev.mayday.sandbox.pagerduty;

import java.util.Objects;

/** A service in the fake PagerDuty account, with the escalation policy that pages for it. */
public record PdService(String id, String name, String escalationPolicyId) {

    public PdService {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(escalationPolicyId, "escalationPolicyId");
    }
}
