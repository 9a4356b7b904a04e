package dev.mayday.timeline;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A Slack message by its identity: the channel and the message's ts, which is also when it was posted
 * (seconds.microseconds since the epoch). The "Add to timeline" shortcut keys its pins the same way.
 */
public record MessageRef(String channel, String ts) {

    private static final Pattern TS = Pattern.compile("\\d{1,12}\\.\\d{1,6}");

    public MessageRef {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(ts, "ts");
        if (!TS.matcher(ts).matches()) {
            throw new IllegalArgumentException("not a Slack message ts: " + ts);
        }
    }

    /** Empty when either part is missing or the ts is not one Slack would send. */
    public static Optional<MessageRef> of(String channel, String ts) {
        return channel == null || ts == null || !TS.matcher(ts).matches()
                ? Optional.empty() : Optional.of(new MessageRef(channel, ts));
    }

    /** The instant a ts stands for; empty for anything that is not a ts. */
    public static Optional<Instant> instantOf(String ts) {
        if (ts == null || !TS.matcher(ts).matches()) {
            return Optional.empty();
        }
        String[] parts = ts.split("\\.");
        long micros = Long.parseLong((parts[1] + "00000").substring(0, 6));
        return Optional.of(Instant.ofEpochSecond(Long.parseLong(parts[0]), micros * 1_000));
    }

    public Instant postedAt() {
        return instantOf(ts).orElseThrow();
    }

    /** The timeline's key for this message as chatter. */
    public String messageKey() {
        return "msg:" + channel + ":" + ts;
    }

    /** The timeline's key for this message as a pinned key event, whichever way it was pinned. */
    public String pinKey() {
        return "pin:" + channel + ":" + ts;
    }
}
