package dev.mayday.db.digest;

/**
 * One row of {@code digests}: {@code isoWeek} like "2026-W47", {@code state} INTENT or POSTED; times are epoch
 * milliseconds, {@code channel}, {@code messageTs} and {@code postedAt} null until the post is recorded;
 * {@code takenOverAt} is when a restart last took over a stale intent (null if never).
 */
public record DigestRow(String isoWeek, String state, String channel, String messageTs, long createdAt,
                        Long postedAt, Long takenOverAt) {

    public static final String INTENT = "INTENT";
    public static final String POSTED = "POSTED";
}
