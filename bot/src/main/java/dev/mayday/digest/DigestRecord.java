package dev.mayday.digest;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Where one week's digest stands. {@code intentAt} is when the posting was first claimed: a message posted for it is
 * not older. {@code channel}, {@code messageTs} and {@code postedAt} are null until the post is recorded;
 * {@code takenOverAt} is when a restart last took the intent over to reconcile it (null if never).
 */
public record DigestRecord(IsoWeek week, DigestState state, String channel, String messageTs, Instant intentAt,
                           Instant postedAt, Instant takenOverAt) {

    public DigestRecord {
        Objects.requireNonNull(week, "week");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(intentAt, "intentAt");
    }

    public boolean isPosted() {
        return state == DigestState.POSTED;
    }

    public Optional<String> message() {
        return Optional.ofNullable(messageTs);
    }
}
