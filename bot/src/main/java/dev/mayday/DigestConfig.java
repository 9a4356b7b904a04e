package dev.mayday;

import java.util.Optional;

/**
 * The weekly learnings digest: where (no channel = no weekly post; the preview still works), when
 * ({@code DAY HH:MM} in the team's zone), and the weekly incident hours above which it raises back pressure.
 */
public record DigestConfig(Optional<String> channel, String schedule, double budgetHours) {

    public static final String DEFAULT_SCHEDULE = "MON 09:00";
    public static final double DEFAULT_BUDGET_HOURS = 20;

    public static DigestConfig off() {
        return new DigestConfig(Optional.empty(), DEFAULT_SCHEDULE, DEFAULT_BUDGET_HOURS);
    }
}
