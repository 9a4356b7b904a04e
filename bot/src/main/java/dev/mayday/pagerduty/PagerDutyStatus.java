package dev.mayday.pagerduty;

import java.util.Locale;
import java.util.Optional;

/** An incident's status in PagerDuty; PagerDuty knows only these three. */
public enum PagerDutyStatus {
    TRIGGERED, ACKNOWLEDGED, RESOLVED;

    /** The value PagerDuty sends and expects, e.g. {@code "acknowledged"}. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<PagerDutyStatus> fromWire(String value) {
        for (PagerDutyStatus status : values()) {
            if (status.wire().equals(value)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
