package dev.mayday.digest;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An ISO-8601 week ("2026-W47"): Monday to Sunday, in the week-based year. Its bounds are local midnights in a zone,
 * so a week with a daylight-saving switch is 167 or 169 hours long, and consecutive weeks always touch.
 */
public record IsoWeek(int year, int week) implements Comparable<IsoWeek> {

    private static final Pattern FORM = Pattern.compile("(\\d{4})-W(\\d{2})");
    private static final Comparator<IsoWeek> ORDER = Comparator.comparingInt(IsoWeek::year)
            .thenComparingInt(IsoWeek::week);

    public IsoWeek {
        if (year < 1 || year > 9999) {
            throw new IllegalArgumentException("An ISO week's year is 1 to 9999, got: " + year);
        }
        long weeks = LocalDate.of(year, 6, 1).range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum();
        if (week < 1 || week > weeks) {
            throw new IllegalArgumentException(year + " has weeks 1 to " + weeks + ", got: " + week);
        }
    }

    /** Parses "2026-W47". */
    public static IsoWeek parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("An ISO week looks like 2026-W47, got: \"" + text + "\"");
        }
        return new IsoWeek(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    public static IsoWeek of(LocalDate date) {
        return new IsoWeek(date.get(IsoFields.WEEK_BASED_YEAR), date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /** The week the local date of {@code at} in {@code zone} falls in. */
    public static IsoWeek containing(Instant at, ZoneId zone) {
        return of(at.atZone(zone).toLocalDate());
    }

    public LocalDate monday() {
        return LocalDate.of(year, 1, 4).with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week).with(DayOfWeek.MONDAY);
    }

    public LocalDate sunday() {
        return monday().plusDays(6);
    }

    /** Monday 00:00 local (or the first instant of that day, where midnight falls in a gap). */
    public Instant start(ZoneId zone) {
        return monday().atStartOfDay(zone).toInstant();
    }

    /** The next Monday 00:00 local: exclusive. */
    public Instant end(ZoneId zone) {
        return next().start(zone);
    }

    public boolean contains(Instant at, ZoneId zone) {
        return !at.isBefore(start(zone)) && at.isBefore(end(zone));
    }

    public IsoWeek next() {
        return plusWeeks(1);
    }

    public IsoWeek previous() {
        return plusWeeks(-1);
    }

    public IsoWeek plusWeeks(long weeks) {
        return of(monday().plusWeeks(weeks));
    }

    public IsoWeek minusWeeks(long weeks) {
        return plusWeeks(-weeks);
    }

    public String format() {
        return String.format("%04d-W%02d", year, week);
    }

    @Override
    public String toString() {
        return format();
    }

    @Override
    public int compareTo(IsoWeek other) {
        return ORDER.compare(this, other);
    }
}
