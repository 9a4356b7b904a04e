package dev.mayday.db.drill;

/** One restore drill as stored; {@code finishedAt} is null while it runs (or when it was cut short). */
public record DrillRow(String slot, long startedAt, Long finishedAt, boolean ok, String backupFile,
                       String schemaVersion, int tables, long rows, long restoreMillis, String failure) {
}
