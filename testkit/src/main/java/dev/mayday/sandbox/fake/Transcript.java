package dev.mayday.sandbox.fake;

import java.util.ArrayList;
import java.util.List;

/** One readable line per visible effect or failure, in processing order: what the demo prints. */
final class Transcript {

    private final Object lock;
    private final List<String> lines = new ArrayList<>();

    /** {@code lock}: the workspace's, so a call's state change and its line land together. */
    Transcript(Object lock) {
        this.lock = lock;
    }

    void note(String line) {
        synchronized (lock) {
            lines.add(line);
        }
    }

    List<String> lines() {
        synchronized (lock) {
            return List.copyOf(lines);
        }
    }
}
