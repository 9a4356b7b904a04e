package dev.mayday.rotation;

import java.time.Instant;
import java.util.Objects;

/** Time away: from {@code from} (inclusive) to {@code to} (exclusive). */
public record Absence(String userId, Instant from, Instant to) {

    public Absence {
        Objects.requireNonNull(userId, "userId");
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("an absence must end after it starts: " + from + " → " + to);
        }
    }

    public boolean covers(Instant at) {
        return !at.isBefore(from) && at.isBefore(to);
    }
}
