package dev.mayday.retry;

import java.time.Instant;
import java.util.Map;

/**
 * Rate-limit pauses shared with the other processes on the same store: a 429 one of them was answered holds them all
 * back ({@link StoredPauses}). A {@link RateLimitGate} without one keeps its pauses to its own process.
 */
public interface SharedPauses {

    /** Nobody sends under {@code key} before {@code until} (unless a longer pause is stored already). */
    void pause(String key, Instant until);

    /** The pauses still running at {@code now}, by key. */
    Map<String, Instant> current(Instant now);
}
