package dev.mayday.db.drill;

import dev.mayday.db.sql.Sql;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** The restore drills' record: one row a drill, keyed by its slot, written when it starts and when it ends. */
public final class DrillDao {

    private static final String COLUMNS = "slot, started_at, finished_at, ok, backup_file, schema_version, "
            + "tables_compared, rows_compared, restore_millis, failure";

    private final Sql sql;

    public DrillDao(Sql sql) {
        this.sql = sql;
    }

    /** Claims {@code slot}; false when some drill (a restart's, another process's) claimed it before. */
    public boolean claim(String slot, long startedAt) {
        return sql.update("INSERT INTO restore_drills (slot, started_at) VALUES (?, ?) ON CONFLICT (slot) DO NOTHING",
                slot, startedAt) == 1;
    }

    public void finish(String slot, DrillRow result) {
        sql.update("""
                UPDATE restore_drills SET finished_at = ?, ok = ?, backup_file = ?, schema_version = ?,
                                          tables_compared = ?, rows_compared = ?, restore_millis = ?, failure = ?
                WHERE slot = ?""", result.finishedAt(), result.ok() ? 1 : 0, result.backupFile(),
                result.schemaVersion(), result.tables(), result.rows(), result.restoreMillis(), result.failure(), slot);
    }

    /** The drill that finished last by {@code asOf}, whatever its result. */
    public Optional<DrillRow> lastFinished(long asOf) {
        return sql.first("SELECT " + COLUMNS + " FROM restore_drills WHERE finished_at <= ? "
                + "ORDER BY finished_at DESC LIMIT 1", DrillDao::read, asOf);
    }

    /** The last drill that passed by {@code asOf}. */
    public Optional<DrillRow> lastPassed(long asOf) {
        return sql.first("SELECT " + COLUMNS + " FROM restore_drills WHERE finished_at <= ? AND ok = 1 "
                + "ORDER BY finished_at DESC LIMIT 1", DrillDao::read, asOf);
    }

    private static DrillRow read(ResultSet row) throws SQLException {
        return new DrillRow(row.getString("slot"), row.getLong("started_at"), Sql.nullableLong(row, "finished_at"),
                row.getInt("ok") == 1, row.getString("backup_file"), row.getString("schema_version"),
                row.getInt("tables_compared"), row.getLong("rows_compared"), row.getLong("restore_millis"),
                row.getString("failure"));
    }
}
