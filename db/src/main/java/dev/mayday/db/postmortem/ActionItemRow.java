package dev.mayday.db.postmortem;

/**
 * One row of {@code action_items}; times are epoch milliseconds. {@code owner} is null until someone takes the item,
 * {@code doneAt} and {@code doneBy} are null while it is OPEN.
 */
public record ActionItemRow(
        long id,
        long incidentId,
        String text,
        String owner,
        String state,
        String createdBy,
        long createdAt,
        Long doneAt,
        String doneBy) {

    public static final String OPEN = "OPEN";
    public static final String DONE = "DONE";
}
