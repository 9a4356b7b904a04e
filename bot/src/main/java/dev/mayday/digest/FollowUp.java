package dev.mayday.digest;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * An action item as the digest lists it: its incident's label, its text (withheld for a private incident), its owner
 * (null when nobody took it), when it was added and done, and its age at the digest's time while open.
 */
public record FollowUp(long id, long incidentId, String incident, String text, String owner, Instant createdAt,
                       Instant doneAt, Duration age) {

    public Optional<String> ownerId() {
        return Optional.ofNullable(owner);
    }
}
