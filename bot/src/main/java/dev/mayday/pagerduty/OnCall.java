package dev.mayday.pagerduty;

import java.util.Objects;
import java.util.Optional;

/**
 * Someone on call for an escalation policy. {@code escalationLevel} 1 is paged first. The email is present when
 * PagerDuty included the full user (the client asks it to).
 */
public record OnCall(String userId, String name, Optional<String> email, int escalationLevel) {

    public OnCall {
        Objects.requireNonNull(userId, "userId");
        name = name == null ? "" : name;
        email = Objects.requireNonNullElse(email, Optional.<String>empty()).filter(e -> !e.isBlank());
    }
}
