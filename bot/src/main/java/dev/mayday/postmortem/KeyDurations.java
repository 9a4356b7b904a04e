package dev.mayday.postmortem;

import java.time.Duration;
import java.util.Optional;

/**
 * The durations people ask about first, each from the declaration; empty when either end was not recorded (never a
 * guess). {@code total} runs to the close.
 */
public record KeyDurations(Optional<Duration> toAcknowledge, Optional<Duration> toMitigate,
                           Optional<Duration> toResolve, Optional<Duration> total) {

    /** One line for a short chat summary, e.g. "acknowledged in 4 min · mitigated in not recorded · …". */
    public String summaryLine() {
        return "acknowledged in " + LocalTimes.duration(toAcknowledge)
                + " · mitigated in " + LocalTimes.duration(toMitigate)
                + " · resolved in " + LocalTimes.duration(toResolve)
                + " · total " + LocalTimes.duration(total);
    }
}
