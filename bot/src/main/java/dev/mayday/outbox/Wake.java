package dev.mayday.outbox;

import java.time.Duration;
import java.util.concurrent.ThreadFactory;

/** The outbox scheduler's wake-up: a wake given while it scans is not lost, but served by its next wait. */
final class Wake {

    private final Object signal = new Object();
    private boolean woken;

    /** Never blocks. */
    void wake() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    /** Returns at once after a wake since the last wait, else at the next wake or after {@code timeout}. */
    void await(Duration timeout) throws InterruptedException {
        synchronized (signal) {
            if (!woken) {
                signal.wait(Math.max(1, timeout.toMillis()));
            }
            woken = false;
        }
    }

    /** Threads that do not keep the JVM alive, named for thread dumps. */
    static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
