package dev.mayday.cli;

import dev.mayday.drill.BackupConfig;

import java.time.ZoneId;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;

/**
 * What the store commands read from the environment, handed in by {@code Main} (the one place that reads it). The
 * zone, the budget and the backup settings are parsed only by the commands that use them, so a bad
 * {@code TEAM_TIMEZONE} does not stop a backup.
 */
public record Settings(String databaseUrl, Supplier<ZoneId> teamZone, DoubleSupplier budgetHours,
                       Supplier<BackupConfig> backups) {
}
