package dev.mayday.sandbox.fake;

import java.util.Objects;

/**
 * One visible effect, with where it showed: a channel ({@code where} is {@code #name}), a direct message or an App Home
 * ({@code where} is the user's id), a reply to a command or button (the reply's label), a file, a modal, or a failure
 * the fake answered. {@code what} is the effect itself, as a person would read it; {@link #line()} is the one-line form
 * {@link FakeSlack#transcript()} shows.
 */
public record TranscriptLine(Surface surface, String where, String what, String line) {

    /** Where in Slack an effect showed. */
    public enum Surface { CHANNEL, DIRECT_MESSAGE, HOME, REPLY, FILES, MODAL, FAILURE }

    public TranscriptLine {
        Objects.requireNonNull(surface, "surface");
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(what, "what");
        Objects.requireNonNull(line, "line");
    }
}
