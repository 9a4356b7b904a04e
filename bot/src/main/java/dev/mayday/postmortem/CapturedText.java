package dev.mayday.postmortem;

import java.time.Instant;
import java.util.Objects;

/**
 * A piece of text people wrote during the incident, as plain text: who wrote it, what it was (message, note,
 * update, …), when, and the Slack message it came from when there is one ({@code slackTs}, else null).
 */
public record CapturedText(String author, String source, Instant at, String slackTs, String text) {

    public CapturedText {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(text, "text");
    }
}
