package dev.mayday.incident;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The incident lifecycle. The active statuses may move freely among themselves (a fix that did not hold sends
 * monitoring back to investigating); a resolved incident may be reopened or closed; closed is final.
 */
public enum Status {
    INVESTIGATING, IDENTIFIED, MONITORING, RESOLVED, CLOSED;

    private static final Set<Status> ACTIVE = EnumSet.of(INVESTIGATING, IDENTIFIED, MONITORING);

    private static final Map<Status, Set<Status>> TRANSITIONS = Map.of(
            INVESTIGATING, EnumSet.of(IDENTIFIED, MONITORING, RESOLVED),
            IDENTIFIED, EnumSet.of(INVESTIGATING, MONITORING, RESOLVED),
            MONITORING, EnumSet.of(INVESTIGATING, IDENTIFIED, RESOLVED),
            RESOLVED, EnumSet.of(INVESTIGATING, IDENTIFIED, MONITORING, CLOSED),
            CLOSED, EnumSet.noneOf(Status.class));

    public boolean canMoveTo(Status next) {
        return TRANSITIONS.get(this).contains(next);
    }

    public boolean isActive() {
        return ACTIVE.contains(this);
    }

    public String label() {
        String lower = name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }

    /** The statuses a person sets with {@code /incident status}; resolve and close have their own commands. */
    public static Optional<Status> parseActive(String text) {
        String normalized = text.trim().toUpperCase(Locale.ROOT);
        return ACTIVE.stream().filter(s -> s.name().equals(normalized)).findFirst();
    }

    public static Set<Status> active() {
        return EnumSet.copyOf(ACTIVE);
    }
}
