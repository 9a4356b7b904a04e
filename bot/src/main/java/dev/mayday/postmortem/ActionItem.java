package dev.mayday.postmortem;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A follow-up someone committed to during or after an incident. {@code owner} (a Slack user id) is null until someone
 * takes it; {@code doneAt} and {@code doneBy} are null while it is open and keep the first time it was marked done.
 */
public record ActionItem(long id, long incidentId, String text, String owner, ActionItemState state, String createdBy,
                         Instant createdAt, Instant doneAt, String doneBy) {

    public ActionItem {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(createdAt, "createdAt");
        if ((state == ActionItemState.DONE) != (doneAt != null)) {
            throw new IllegalArgumentException("a done item has a done time, an open one has none: " + state);
        }
    }

    public Optional<String> ownerId() {
        return Optional.ofNullable(owner);
    }

    public boolean isDone() {
        return state == ActionItemState.DONE;
    }
}
