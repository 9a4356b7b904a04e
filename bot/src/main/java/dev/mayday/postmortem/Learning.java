package dev.mayday.postmortem;

import java.time.Instant;
import java.util.Objects;

/** Something the team learned from an incident, written down during it or after it; {@code author} is a user id. */
public record Learning(long id, long incidentId, String text, String author, Instant createdAt) {

    public Learning {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
