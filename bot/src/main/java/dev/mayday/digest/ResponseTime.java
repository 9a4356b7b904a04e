package dev.mayday.digest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Median and worst of one response time (to acknowledge, to resolve) this week and last week. Under
 * {@link #MIN_SAMPLES} recorded times a week has "not enough data": a median of two says nothing.
 */
public record ResponseTime(Sample thisWeek, Sample lastWeek) {

    public static final int MIN_SAMPLES = 3;

    /** How the median moved; empty unless both weeks have enough data. */
    public Optional<Trend> trend() {
        if (!thisWeek.enough() || !lastWeek.enough()) {
            return Optional.empty();
        }
        return Optional.of(Trend.of(thisWeek.median().orElseThrow().toSeconds(),
                lastWeek.median().orElseThrow().toSeconds()));
    }

    /** {@code samples} recorded times out of {@code incidents} declared; median and worst only when enough. */
    public record Sample(int incidents, int samples, Optional<Duration> median, Optional<Duration> worst) {

        public boolean enough() {
            return samples >= MIN_SAMPLES;
        }

        static Sample of(int incidents, List<Duration> times) {
            if (times.size() < MIN_SAMPLES) {
                return new Sample(incidents, times.size(), Optional.empty(), Optional.empty());
            }
            List<Duration> sorted = new ArrayList<>(times);
            Collections.sort(sorted);
            int mid = sorted.size() / 2;
            Duration median = sorted.size() % 2 == 1 ? sorted.get(mid)
                    : sorted.get(mid - 1).plus(sorted.get(mid)).dividedBy(2);
            return new Sample(incidents, times.size(), Optional.of(median), Optional.of(sorted.get(sorted.size() - 1)));
        }
    }
}
