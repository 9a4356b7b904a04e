package dev.mayday.drill;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * Scheduled backups and their restore drills: where backups go ({@code BACKUP_DIR}), when they are taken
 * ({@code BACKUP_SCHEDULE}; none = no scheduled backups, though {@code drill} still runs by hand), and how many of them
 * are kept ({@code BACKUP_KEEP}).
 */
public record BackupConfig(Optional<Path> dir, Optional<BackupSchedule> schedule, int keep) {

    public static final int DEFAULT_KEEP = 7;

    public BackupConfig {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(schedule, "schedule");
        if (schedule.isPresent() && dir.isEmpty()) {
            throw new IllegalArgumentException("BACKUP_SCHEDULE needs BACKUP_DIR: the directory the scheduled backups go to");
        }
        if (keep < 1) {
            throw new IllegalArgumentException("BACKUP_KEEP must be a whole number of backups, 1 or more, got: " + keep);
        }
    }

    /**
     * From the variables' text ({@code BACKUP_DIR}, {@code BACKUP_SCHEDULE} in {@code zone}, {@code BACKUP_KEEP});
     * a bad value is an {@link IllegalArgumentException} naming its variable.
     */
    public static BackupConfig parse(Optional<String> dir, Optional<String> schedule, Optional<String> keep,
                                     ZoneId zone) {
        return new BackupConfig(dir.map(Path::of), schedule.map(text -> BackupSchedule.parse(text, zone)),
                keep.map(BackupConfig::keep).orElse(DEFAULT_KEEP));
    }

    private static int keep(String text) {
        try {
            int keep = Integer.parseInt(text.strip());
            if (keep >= 1 && keep <= 10_000) {
                return keep;
            }
        } catch (NumberFormatException ignored) {
            // reported below with the variable's name
        }
        throw new IllegalArgumentException("BACKUP_KEEP must be a whole number of backups from 1 to 10000, got: " + text);
    }

    public static BackupConfig off() {
        return new BackupConfig(Optional.empty(), Optional.empty(), DEFAULT_KEEP);
    }
}
