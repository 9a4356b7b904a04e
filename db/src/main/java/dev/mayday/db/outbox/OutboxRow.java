package dev.mayday.db.outbox;

/**
 * One row of {@code outbox}; see V018__typed_outbox.sql. {@code incidentId} is null for a row about no incident;
 * {@code payload} is the publication's JSON, read by its {@code type}.
 */
public record OutboxRow(
        long id,
        String type,
        String payload,
        String lane,
        Long incidentId,
        String uniqueKey,
        boolean uniqueWhileQueued,
        String state,
        int attempts,
        long nextAttemptAt,
        String result,
        String lastError,
        long createdAt,
        Long doneAt) {

    public static final String PENDING = "PENDING";
    public static final String DONE = "DONE";
    public static final String FAILED = "FAILED";
}
