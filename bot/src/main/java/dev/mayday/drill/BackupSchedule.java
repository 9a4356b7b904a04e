package dev.mayday.drill;

import dev.mayday.digest.DigestSchedule;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When Mayday backs its store up and drills the restore ({@code BACKUP_SCHEDULE}): {@code daily HH:MM}, or a day and a
 * time like the digest's ({@code SUN 03:00}), in the team's zone. A slot missed while Mayday was down is taken at the
 * next start; only the latest missed slot, not one per day missed.
 */
public record BackupSchedule(Optional<DayOfWeek> day, LocalTime time, ZoneId zone) {

    public static final String VARIABLE = "BACKUP_SCHEDULE";

    private static final Pattern DAILY = Pattern.compile("(?i)daily\\s+(\\d{2}:\\d{2})");
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);

    public BackupSchedule {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(zone, "zone");
    }

    /** Parses {@code daily 03:00} or {@code SUN 03:00} (the digest's form); anything else names the variable. */
    public static BackupSchedule parse(String text, ZoneId zone) {
        String written = text == null ? "" : text.strip();
        Matcher daily = DAILY.matcher(written);
        try {
            if (daily.matches()) {
                return new BackupSchedule(Optional.empty(), LocalTime.parse(daily.group(1), HH_MM), zone);
            }
            DigestSchedule weekly = DigestSchedule.parse(written, zone);
            return new BackupSchedule(Optional.of(weekly.day()), weekly.time(), zone);
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw invalid(text);
        }
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException(VARIABLE + " must be \"daily HH:MM\" or a day and a time like \"SUN 03:00\" "
                + "(day MON, TUE, WED, THU, FRI, SAT or SUN; 24-hour time in TEAM_TIMEZONE), got: \"" + text + "\"");
    }

    /** The latest slot at or before {@code now}. */
    public Instant lastSlotAtOrBefore(Instant now) {
        LocalDate date = now.atZone(zone).toLocalDate();
        for (int back = 0; back <= 8; back++) {
            LocalDate candidate = date.minusDays(back);
            if (day.isPresent() && candidate.getDayOfWeek() != day.get()) {
                continue;
            }
            Instant slot = ZonedDateTime.of(candidate, time, zone).toInstant();
            if (!slot.isAfter(now)) {
                return slot;
            }
        }
        throw new IllegalStateException("no slot in the 8 days before " + now); // a weekly slot is within 8 days
    }

    /** {@code daily 03:00} or {@code SUN 03:00}, the form it was written in. */
    public String format() {
        return day.map(d -> d.name().substring(0, 3)).orElse("daily") + " " + HH_MM.format(time);
    }
}
