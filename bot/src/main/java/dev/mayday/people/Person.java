package dev.mayday.people;

import java.util.Objects;
import java.util.Optional;

/** Someone in the Slack workspace: their user id, the name Slack shows for them, and their email if Slack shows it. */
public record Person(String userId, String displayName, Optional<String> email) {

    public Person {
        Objects.requireNonNull(userId, "userId");
        displayName = displayName == null || displayName.isBlank() ? userId : displayName.strip();
        email = Objects.requireNonNullElse(email, Optional.<String>empty()).filter(e -> !e.isBlank());
    }
}
