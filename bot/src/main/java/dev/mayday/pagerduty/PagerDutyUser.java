package dev.mayday.pagerduty;

import java.util.Objects;
import java.util.Optional;

/** A PagerDuty user; the email is what Mayday matches to a Slack user. */
public record PagerDutyUser(String id, String name, Optional<String> email) {

    public PagerDutyUser {
        Objects.requireNonNull(id, "id");
        name = name == null ? "" : name;
        email = Objects.requireNonNullElse(email, Optional.<String>empty()).filter(e -> !e.isBlank());
    }
}
