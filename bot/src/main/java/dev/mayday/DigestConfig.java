package dev.mayday;

import dev.mayday.digest.DigestSchedule;

import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * The weekly learnings digest: where (no channel = no weekly post; the preview still works), when
 * ({@code DAY HH:MM} in the team's zone), and the weekly incident hours above which it raises back pressure.
 */
public record DigestConfig(Optional<String> channel, DigestSchedule schedule, double budgetHours) {

    public static final String DEFAULT_SCHEDULE = DigestSchedule.DEFAULT;
    public static final double DEFAULT_BUDGET_HOURS = 20;

    public DigestConfig {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(schedule, "schedule");
    }

    public static DigestConfig off(ZoneId teamZone) {
        return new DigestConfig(Optional.empty(), DigestSchedule.parse(DEFAULT_SCHEDULE, teamZone), DEFAULT_BUDGET_HOURS);
    }

    @Override
    public String toString() {
        return "DigestConfig[channel=" + channel.orElse("(none)") + ", schedule=" + schedule.format() + ", budgetHours="
                + budgetHours + "]";
    }
}
