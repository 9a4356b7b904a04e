package dev.mayday.db.backup;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * What one restore drill found: the backup it took, and whether restoring that backup gave back a store this version
 * can run (intact, a schema it knows, every table's rows as the store had them at the snapshot), and how long the
 * restore took. {@code failure} says why not, when not.
 */
public record DrillResult(Instant at, Path backup, Optional<String> schemaVersion, int tables, long rows,
                          Duration restoreTook, Optional<String> failure) {

    public boolean ok() {
        return failure.isEmpty();
    }

    /** One line for the command line and the log. */
    public String line() {
        if (!ok()) {
            return "Restore drill FAILED: " + failure.get();
        }
        return String.format(Locale.ROOT, "Restore drill ok: %s restored in %d ms, integrity ok, schema version %s, "
                + "%d tables and %,d rows as in the store at the snapshot.", backup.getFileName(),
                restoreTook.toMillis(), schemaVersion.orElse("?"), tables, rows);
    }
}
