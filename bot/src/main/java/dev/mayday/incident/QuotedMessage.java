package dev.mayday.incident;

import java.time.Instant;
import java.util.Objects;

/**
 * The message an incident was declared from (the "Declare incident" shortcut): where it was, who wrote it, when, and
 * what it said. Opaque ids: the adapter gives them their meaning.
 */
public record QuotedMessage(String channel, String ts, String author, Instant postedAt, String text) {

    public QuotedMessage {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(ts, "ts");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(postedAt, "postedAt");
        text = text == null ? "" : text;
    }
}
