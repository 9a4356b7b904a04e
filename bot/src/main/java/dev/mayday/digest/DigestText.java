package dev.mayday.digest;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Number and time formats shared by the digest's renderings. */
final class DigestText {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.ENGLISH);

    private DigestText() {
    }

    /** "45 s", "12 min", "2 h 5 min", "3 d 4 h": coarser as it grows, never rounded up. */
    static String duration(Duration duration) {
        long seconds = Math.max(0, duration.getSeconds());
        if (seconds < 60) {
            return seconds + " s";
        }
        long minutes = seconds / 60;
        if (minutes < 60) {
            return minutes + " min";
        }
        long hours = minutes / 60;
        if (hours < 24) {
            return hours + " h " + minutes % 60 + " min";
        }
        return hours / 24 + " d " + hours % 24 + " h";
    }

    /** "14 days" for whole days, else as {@link #duration}. */
    static String days(Duration duration) {
        return duration.equals(Duration.ofDays(duration.toDays())) ? plural((int) duration.toDays(), "day")
                : duration(duration);
    }

    /** "12.5 h". */
    static String hours(double hours) {
        return String.format(Locale.ROOT, "%.1f h", hours);
    }

    static String percent(double share) {
        return Math.round(share * 100) + "%";
    }

    static String day(Instant at, ZoneId zone) {
        return DAY.format(at.atZone(zone));
    }

    static String dateTime(Instant at, ZoneId zone) {
        return DATE_TIME.format(at.atZone(zone));
    }

    static String plural(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
