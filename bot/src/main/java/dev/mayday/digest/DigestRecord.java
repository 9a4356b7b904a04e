package dev.mayday.digest;

import java.time.Instant;
import java.util.Objects;

/** Where one week's digest was posted: the channel, the message's ts, and when. */
public record DigestRecord(IsoWeek week, String channel, String messageTs, Instant postedAt) {

    public DigestRecord {
        Objects.requireNonNull(week, "week");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(messageTs, "messageTs");
        Objects.requireNonNull(postedAt, "postedAt");
    }
}
