package dev.mayday.postmortem;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/** Times in the team's zone, always with the zone's abbreviation (a DST switch changes it mid-incident). */
final class LocalTimes {

    static final String NOT_RECORDED = "not recorded";

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm z", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);

    private final ZoneId zone;

    LocalTimes(ZoneId zone) {
        this.zone = zone;
    }

    ZoneId zone() {
        return zone;
    }

    String dateTime(Instant at) {
        return DATE_TIME.format(at.atZone(zone));
    }

    String dateTime(Optional<Instant> at) {
        return at.map(this::dateTime).orElse(NOT_RECORDED);
    }

    String time(Instant at) {
        return TIME.format(at.atZone(zone));
    }

    String day(Instant at) {
        return DAY.format(at.atZone(zone));
    }

    LocalDate date(Instant at) {
        return at.atZone(zone).toLocalDate();
    }

    static String duration(Optional<Duration> duration) {
        return duration.map(LocalTimes::duration).orElse(NOT_RECORDED);
    }

    /** "45 s", "12 min 5 s", "2 h 5 min", "3 d 4 h 0 min": coarser as it grows, never rounded up. */
    static String duration(Duration duration) {
        long seconds = duration.getSeconds();
        if (seconds < 60) {
            return seconds + " s";
        }
        long minutes = seconds / 60;
        if (minutes < 60) {
            long rest = seconds % 60;
            return rest == 0 ? minutes + " min" : minutes + " min " + rest + " s";
        }
        long hours = minutes / 60;
        if (hours < 24) {
            return hours + " h " + minutes % 60 + " min";
        }
        return hours / 24 + " d " + hours % 24 + " h " + minutes % 60 + " min";
    }
}
