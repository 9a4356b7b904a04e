package dev.mayday.digest;

import java.time.Duration;
import java.util.Objects;

/**
 * The digest's thresholds. {@code budgetHours} is {@code INCIDENT_BUDGET_HOURS}; an open action item is overdue after
 * {@code overdueAfter}; a person involved in more than {@code dependencyShare} of the incidents of the last
 * {@code dependencyWeeks} weeks (when there were at least {@code dependencyMinIncidents}) is a single point of failure;
 * the duty load looks back {@code historyWeeks} weeks, this one included.
 */
public record DigestSettings(double budgetHours, Duration overdueAfter, double dependencyShare, int dependencyWeeks,
                             int dependencyMinIncidents, int historyWeeks) {

    public static final double DEFAULT_BUDGET_HOURS = 20;

    public DigestSettings {
        Objects.requireNonNull(overdueAfter, "overdueAfter");
        if (!(budgetHours >= 0)) {
            throw new IllegalArgumentException("INCIDENT_BUDGET_HOURS must be 0 or more, got: " + budgetHours);
        }
        if (overdueAfter.isNegative()) {
            throw new IllegalArgumentException("overdueAfter must not be negative: " + overdueAfter);
        }
        if (!(dependencyShare > 0 && dependencyShare < 1)) {
            throw new IllegalArgumentException("the dependency share is between 0 and 1, got: " + dependencyShare);
        }
        if (dependencyWeeks < 1 || dependencyMinIncidents < 1) {
            throw new IllegalArgumentException("dependency weeks and minimum incidents are at least 1");
        }
        if (historyWeeks < Math.max(2, dependencyWeeks)) {
            throw new IllegalArgumentException("the history covers last week and the dependency window, got: "
                    + historyWeeks + " weeks");
        }
    }

    public static DigestSettings defaults() {
        return new DigestSettings(DEFAULT_BUDGET_HOURS, Duration.ofDays(14), 0.40, 4, 5, 12);
    }

    public DigestSettings withBudgetHours(double hours) {
        return new DigestSettings(hours, overdueAfter, dependencyShare, dependencyWeeks, dependencyMinIncidents,
                historyWeeks);
    }

    public DigestSettings withOverdueAfter(Duration after) {
        return new DigestSettings(budgetHours, after, dependencyShare, dependencyWeeks, dependencyMinIncidents,
                historyWeeks);
    }

    public DigestSettings withDependency(double share, int weeks, int minIncidents) {
        return new DigestSettings(budgetHours, overdueAfter, share, weeks, minIncidents, historyWeeks);
    }
}
