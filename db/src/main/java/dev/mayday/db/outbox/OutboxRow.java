package dev.mayday.db.outbox;

/** One row of {@code outbox}; see V004__outbox.sql. */
public record OutboxRow(
        long id,
        long incidentId,
        String kind,
        String changeKind,
        String actor,
        String text,
        String state,
        int attempts,
        long nextAttemptAt,
        String postedTs,
        String lastError,
        long createdAt,
        Long doneAt) {

    public static final String PENDING = "PENDING";
    public static final String DONE = "DONE";
    public static final String FAILED = "FAILED";
}
