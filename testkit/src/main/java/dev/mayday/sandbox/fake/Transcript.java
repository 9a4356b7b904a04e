package dev.mayday.sandbox.fake;

import dev.mayday.sandbox.fake.TranscriptLine.Surface;

import java.util.ArrayList;
import java.util.List;

/** One readable line per visible effect or failure, in processing order, with where it showed: what the demo prints. */
final class Transcript {

    private final Object lock;
    private final List<TranscriptLine> lines = new ArrayList<>();

    /** {@code lock}: the workspace's, so a call's state change and its line land together. */
    Transcript(Object lock) {
        this.lock = lock;
    }

    /** An effect {@code what} on {@code surface} at {@code where}, shown in {@link #lines()} as {@code line}. */
    void note(Surface surface, String where, String what, String line) {
        synchronized (lock) {
            lines.add(new TranscriptLine(surface, where, what, line));
        }
    }

    /** A failure the fake answered, shown as {@code ! what}. */
    void failure(String what) {
        note(Surface.FAILURE, "", what, "! " + what);
    }

    List<String> lines() {
        synchronized (lock) {
            return lines.stream().map(TranscriptLine::line).toList();
        }
    }

    List<TranscriptLine> effects() {
        synchronized (lock) {
            return List.copyOf(lines);
        }
    }
}
