package dev.mayday.db;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The writers of this process, served one at a time in arrival order. SQLite allows a single writer anyway; left to
 * itself, a writer that finds the lock taken sleeps and retries (its busy handler), which under load is unfair and
 * slow. Here writers wait their turn instead, for as long as the queue ahead of them takes: a storm of declarations
 * is when people most need to be heard, so a burst is never refused for being slow.
 *
 * <p>Two limits keep the wait from being endless. A writer arriving when {@code maxWaiting} others already wait is
 * refused at once, with the count, rather than queued: request threads (Jetty's pool of 250) and the workers bound
 * how many can wait in practice, so only a runaway reaches it. And a writer still waiting after {@code lastResort}
 * gives up: that means a turn has been held far longer than any transaction takes (a stuck disk), not a busy queue.
 */
final class WriterQueue {

    private final ReentrantLock turn = new ReentrantLock(true);
    private final AtomicInteger waiting = new AtomicInteger();
    private final int maxWaiting;
    private final Duration lastResort;

    WriterQueue(int maxWaiting, Duration lastResort) {
        if (maxWaiting < 1) {
            throw new IllegalArgumentException("maxWaiting must be at least 1, got " + maxWaiting);
        }
        this.maxWaiting = maxWaiting;
        this.lastResort = lastResort;
    }

    /** Waits for this thread's turn to write (at once when it has it already: turns nest). */
    void acquire() {
        if (turn.isHeldByCurrentThread()) {
            turn.lock();
            return;
        }
        int ahead = waiting.incrementAndGet() - 1;
        try {
            if (ahead >= maxWaiting) {
                throw overloaded(ahead);
            }
            // tryLock with a timeout keeps the queue's order; the untimed tryLock() would barge ahead of it
            if (!turn.tryLock(lastResort.toMillis(), TimeUnit.MILLISECONDS)) {
                throw stuck();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting for a turn to write", e);
        } finally {
            waiting.decrementAndGet();
        }
    }

    void release() {
        turn.unlock();
    }

    /** Runs {@code work} in this thread's turn. */
    <T> T inTurn(Supplier<T> work) {
        acquire();
        try {
            return work.get();
        } finally {
            release();
        }
    }

    /** How many writers wait for a turn now. */
    int waiting() {
        return waiting.get();
    }

    int maxWaiting() {
        return maxWaiting;
    }

    Duration lastResort() {
        return lastResort;
    }

    /** The refusal of a writer that found {@code ahead} others waiting, at the bound. */
    StoreBusyException overloaded(int ahead) {
        return new StoreBusyException("the store is overloaded: " + ahead + " writes are already queued (the "
                + "limit is " + maxWaiting + "), so this one was refused rather than queued");
    }

    /** The failure of a writer whose turn did not come within the last resort. */
    StoreBusyException stuck() {
        return new StoreBusyException("the store is stuck: no turn to write came within "
                + lastResort.toSeconds() + " s");
    }
}
