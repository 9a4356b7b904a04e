package dev.mayday.bench;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One load phase, built and signed before it starts: connection {@code c} sends requests {@code c}, {@code c + n},
 * {@code c + 2n}, … in that order, each as soon as the answer to its previous one is read, until they are all sent or
 * {@code cap} has passed. A fixed order per connection lets a plan change one incident's status step by step.
 */
record Plan(List<byte[]> requests, int connections, Duration cap, Verdict verdict) {

    /** Judges an answer: a 200 can still be a failure (a command ack telling the person it did nothing). */
    @FunctionalInterface
    interface Verdict {
        boolean ok(int status, byte[] body);

        /** Any 2xx. */
        static Verdict success() {
            return (status, body) -> status >= 200 && status < 300;
        }
    }

    Plan {
        requests = List.copyOf(requests);
        Objects.requireNonNull(cap, "cap");
        Objects.requireNonNull(verdict, "verdict");
        if (connections < 1) {
            throw new IllegalArgumentException("at least one connection");
        }
    }

    Plan(List<byte[]> requests, int connections, Duration cap) {
        this(requests, connections, cap, Verdict.success());
    }
}
