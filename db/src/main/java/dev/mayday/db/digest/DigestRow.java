package dev.mayday.db.digest;

/** One row of {@code digests} (V019): the digest of {@code isoWeek}, posted in {@code channel} as {@code messageTs}. */
public record DigestRow(String isoWeek, String channel, String messageTs, long postedAt) {
}
