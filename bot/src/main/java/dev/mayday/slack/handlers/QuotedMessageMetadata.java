package dev.mayday.slack.handlers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mayday.incident.QuotedMessage;

import java.time.Instant;
import java.util.Optional;

/**
 * The message a declare form was opened from, carried in the form's private metadata (at most 3,000 characters, so a
 * long message's text is cut to {@link #MAX_TEXT}) until the form is submitted. A form opened by {@code /incident}
 * carries the channel id alone, which is not JSON.
 */
final class QuotedMessageMetadata {

    static final int MAX_TEXT = 1_500;
    private static final ObjectMapper JSON = new ObjectMapper();

    private QuotedMessageMetadata() {
    }

    static String write(QuotedMessage message) {
        String text = message.text().length() > MAX_TEXT ? message.text().substring(0, MAX_TEXT) + "…" : message.text();
        try {
            return JSON.writeValueAsString(new Stored(message.channel(), message.ts(), message.author(),
                    message.postedAt().toEpochMilli(), text));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write the quoted message", e);
        }
    }

    /** The quoted message, when the metadata holds one; anything else (a channel id, garbage) is none. */
    static Optional<QuotedMessage> read(String metadata) {
        if (metadata == null || !metadata.startsWith("{")) {
            return Optional.empty();
        }
        try {
            Stored stored = JSON.readValue(metadata, Stored.class);
            return Optional.of(new QuotedMessage(stored.channel(), stored.ts(), stored.author(),
                    Instant.ofEpochMilli(stored.postedAt()), stored.text()));
        } catch (JsonProcessingException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** As JSON: epoch millis rather than an Instant, which plain Jackson does not write. */
    private record Stored(String channel, String ts, String author, long postedAt, String text) {
    }
}
