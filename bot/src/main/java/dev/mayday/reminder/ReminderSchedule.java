package dev.mayday.reminder;

import dev.mayday.incident.Severity;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long an open incident of each severity may stay quiet before its lead is reminded to post an update
 * ({@code UPDATE_REMINDERS}, e.g. {@code sev1=15m,sev2=30m,sev3=60m,sev4=off}). A severity left out is off.
 */
public record ReminderSchedule(Map<Severity, Duration> intervals) {

    public static final String DEFAULT_SETTING = "sev1=15m,sev2=30m,sev3=60m,sev4=off";
    static final Duration SHORTEST = Duration.ofMinutes(1);
    static final Duration LONGEST = Duration.ofDays(7);
    private static final Pattern ENTRY = Pattern.compile("(sev[1-4])=(off|(\\d{1,6})([mh]))");

    public ReminderSchedule {
        intervals = Map.copyOf(intervals);
        intervals.values().forEach(interval -> {
            if (interval.compareTo(SHORTEST) < 0 || interval.compareTo(LONGEST) > 0) {
                throw new IllegalArgumentException("an interval must be from 1m to 168h, got " + interval);
            }
        });
    }

    public static ReminderSchedule defaults() {
        return parse(DEFAULT_SETTING);
    }

    /** No reminders at all. */
    public static ReminderSchedule off() {
        return new ReminderSchedule(Map.of());
    }

    /**
     * Parses {@code sev1=15m,sev2=1h,sev4=off}: minutes ({@code m}) or hours ({@code h}), or {@code off}.
     *
     * @throws IllegalArgumentException naming the entry that is wrong
     */
    public static ReminderSchedule parse(String setting) {
        Map<Severity, Duration> intervals = new EnumMap<>(Severity.class);
        Map<Severity, Boolean> seen = new EnumMap<>(Severity.class);
        for (String raw : setting.split(",")) {
            String entry = raw.strip().toLowerCase(Locale.ROOT);
            if (entry.isEmpty()) {
                continue;
            }
            Matcher m = ENTRY.matcher(entry);
            if (!m.matches()) {
                throw new IllegalArgumentException("\"" + raw.strip() + "\" is not sevN=<minutes>m, sevN=<hours>h "
                        + "or sevN=off");
            }
            Severity severity = Severity.parse(m.group(1)).orElseThrow();
            if (seen.put(severity, true) != null) {
                throw new IllegalArgumentException(m.group(1) + " is given twice");
            }
            if (m.group(3) != null) {
                long amount = Long.parseLong(m.group(3));
                Duration interval = m.group(4).equals("h") ? Duration.ofHours(amount) : Duration.ofMinutes(amount);
                if (interval.compareTo(SHORTEST) < 0 || interval.compareTo(LONGEST) > 0) {
                    throw new IllegalArgumentException(m.group(1) + "=" + m.group(2) + " is outside 1m to 168h");
                }
                intervals.put(severity, interval);
            }
        }
        return new ReminderSchedule(intervals);
    }

    /** How long an incident of {@code severity} may stay quiet; empty when it is never reminded. */
    public Optional<Duration> intervalFor(Severity severity) {
        return Optional.ofNullable(intervals.get(severity));
    }

    public boolean isOff() {
        return intervals.isEmpty();
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (Severity severity : Severity.values()) {
            if (!text.isEmpty()) {
                text.append(',');
            }
            text.append(severity.name().toLowerCase(Locale.ROOT)).append('=')
                    .append(intervalFor(severity).map(d -> d.toMinutes() + "m").orElse("off"));
        }
        return text.toString();
    }
}
