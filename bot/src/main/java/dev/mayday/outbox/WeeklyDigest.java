package dev.mayday.outbox;

/**
 * The weekly learnings digest of ISO week {@code week} ("2026-W47"), to be posted in the digest channel. Queued once per
 * week ({@link #uniqueKey()}): the row's uniqueness is what makes the digest exactly-once.
 */
public record WeeklyDigest(String week) implements Publication {

    @Override
    public Lane lane() {
        return new Lane("slack/digest");
    }

    /** One row per week, whoever queues it, however often, in however many processes. */
    public String uniqueKey() {
        return "weekly-digest/" + week;
    }

    /** The marker the posted message carries (message metadata), looked for before a retry posts. */
    public String tag() {
        return "mayday-digest-" + week;
    }
}
