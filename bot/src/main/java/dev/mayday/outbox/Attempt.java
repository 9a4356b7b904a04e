package dev.mayday.outbox;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One try at delivering one outbox row: which row, how many tries came before it (a retry must first check whether an
 * earlier try already acted), and what an earlier try recorded.
 */
public final class Attempt {

    private final long rowId;
    private final int earlierAttempts;
    private final Instant queuedAt;
    private final Optional<String> result;
    private final BooleanSupplier stillClaimed;
    private final Consumer<String> recorder;
    private final Supplier<List<Publication>> waitingBehind;

    Attempt(long rowId, int earlierAttempts, Instant queuedAt, Optional<String> result, BooleanSupplier stillClaimed,
            Consumer<String> recorder, Supplier<List<Publication>> waitingBehind) {
        this.rowId = rowId;
        this.earlierAttempts = earlierAttempts;
        this.queuedAt = queuedAt;
        this.result = result;
        this.stillClaimed = stillClaimed;
        this.recorder = recorder;
        this.waitingBehind = waitingBehind;
    }

    /** The outbox row's id: stable across retries and restarts, so it can name what the row makes (a message tag). */
    public long rowId() {
        return rowId;
    }

    /** Tries started before this one, crashed ones included. */
    public int earlierAttempts() {
        return earlierAttempts;
    }

    /** True when an earlier try may have acted outside without recording it: look before acting again. */
    public boolean isRetry() {
        return earlierAttempts > 0;
    }

    /** When the row was queued: nothing it made outside can be older. */
    public Instant queuedAt() {
        return queuedAt;
    }

    /** What an earlier try recorded with {@link #recordResult}, if it got that far. */
    public Optional<String> result() {
        return result;
    }

    /**
     * Whether this process still holds the row's lease, as far as it knows: false once a renewal found the row taken
     * over, or once the last lease renewed has run out (renewals failing: a store hiccup, a long pause). Then another
     * process may be delivering the row, and nothing this try writes is recorded. A delivery that makes several
     * outside calls asks before each and stops (throws) when false; the check and the call are not atomic, so a call
     * started just before the lease runs out may still overlap the taker's (see README "One path to the outside").
     */
    public boolean isStillClaimed() {
        return stillClaimed.getAsBoolean();
    }

    /**
     * Stores what the service answered (a message ts, a note id) at once, in its own transaction, so a later try
     * sees it in {@link #result()} and does not act again.
     */
    public void recordResult(String value) {
        recorder.accept(value);
    }

    /**
     * The publications queued after this one in its lane and still waiting (read from the store when asked): they
     * will be delivered after this one, in order, so work they redo anyway can be left to them.
     */
    public List<Publication> waitingBehind() {
        return waitingBehind.get();
    }
}
