package dev.mayday.digest;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When the weekly digest is posted: a day and a local time in the team's zone ({@code DIGEST_SCHEDULE}, e.g. "MON
 * 09:00"). The digest of a week is due at the slot in the week after it. Slots are computed from local dates, so a
 * daylight-saving switch moves a slot by the switch (a time in the gap is pushed past it, a time in the overlap takes
 * the earlier one) but never skips or repeats a week.
 */
public record DigestSchedule(DayOfWeek day, LocalTime time, ZoneId zone) {

    public static final String VARIABLE = "DIGEST_SCHEDULE";
    public static final String DEFAULT = "MON 09:00";

    private static final Pattern FORM = Pattern.compile("([A-Za-z]{3})\\s+(\\d{2}:\\d{2})");
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);
    private static final Map<String, DayOfWeek> DAYS = Map.of("MON", DayOfWeek.MONDAY, "TUE", DayOfWeek.TUESDAY,
            "WED", DayOfWeek.WEDNESDAY, "THU", DayOfWeek.THURSDAY, "FRI", DayOfWeek.FRIDAY,
            "SAT", DayOfWeek.SATURDAY, "SUN", DayOfWeek.SUNDAY);

    public DigestSchedule {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(zone, "zone");
    }

    /** Parses "MON 09:00" (day MON..SUN in any case, 24-hour HH:mm); anything else names the variable and the form. */
    public static DigestSchedule parse(String text, ZoneId zone) {
        Matcher m = FORM.matcher(text == null ? "" : text.strip());
        DayOfWeek day = m.matches() ? DAYS.get(m.group(1).toUpperCase(Locale.ROOT)) : null;
        if (day == null) {
            throw invalid(text);
        }
        try {
            return new DigestSchedule(day, LocalTime.parse(m.group(2), HH_MM), zone);
        } catch (DateTimeParseException e) {
            throw invalid(text);
        }
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException(VARIABLE + " must be a day and a 24-hour local time like \"" + DEFAULT
                + "\" (day MON, TUE, WED, THU, FRI, SAT or SUN, then HH:mm), got: \"" + text + "\"");
    }

    /** When the digest of {@code week} is due: this schedule's day and time in the week after it. */
    public Instant slotOf(IsoWeek week) {
        return ZonedDateTime.of(week.next().monday().with(TemporalAdjusters.nextOrSame(day)), time, zone).toInstant();
    }

    /**
     * The latest week whose digest is due at {@code now}: the week that just ended once this week's slot has passed,
     * the one before it until then. A slot missed while the bot was down is therefore still due at the next start.
     */
    public IsoWeek dueAt(Instant now) {
        IsoWeek ended = IsoWeek.containing(now, zone).previous();
        return now.isBefore(slotOf(ended)) ? ended.previous() : ended;
    }

    /** The first slot after {@code now}: when a timer should next look. */
    public Instant nextSlotAfter(Instant now) {
        return slotOf(dueAt(now).next());
    }

    /** "MON 09:00", the form it was written in. */
    public String format() {
        return day.name().substring(0, 3) + " " + HH_MM.format(time);
    }
}
