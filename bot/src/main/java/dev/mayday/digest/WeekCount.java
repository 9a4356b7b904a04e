package dev.mayday.digest;

/** A count this week beside last week's. */
public record WeekCount(int thisWeek, int lastWeek) {

    public Trend trend() {
        return Trend.of(thisWeek, lastWeek);
    }
}
