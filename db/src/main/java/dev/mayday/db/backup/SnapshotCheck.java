package dev.mayday.db.backup;

import dev.mayday.db.Migrations;
import dev.mayday.db.StoreKind;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a snapshot must be before it replaces the store: intact, a Mayday store, not from a newer version, and holding
 * exactly the schema objects Mayday's migrations create. A trigger or view smuggled into a snapshot would run inside
 * every later write (one that cleared {@code is_private} made private incidents public), so anything the migrations
 * did not create is refused, compared with a store freshly migrated to the snapshot's version.
 */
final class SnapshotCheck {

    private static final String[] MIGRATIONS = Migrations.locations(StoreKind.SQLITE);

    /** Flyway's own bookkeeping table may be laid out differently by another Flyway version: only its presence counts. */
    private static final String HISTORY = "flyway_schema_history";

    private SnapshotCheck() {
    }

    /**
     * Checks {@code copy}, the settled copy of {@code source} that will replace the store; {@code scratch} is an
     * owner-only directory for the reference store. Messages name {@code source}, the file the user gave. Returns the
     * snapshot's schema version.
     */
    static String check(Path copy, Path source, Path scratch) {
        String url = "jdbc:sqlite:" + copy + "?open_mode=1";
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("PRAGMA integrity_check")) {
            String verdict = result.next() ? result.getString(1) : "no answer";
            if (!"ok".equals(verdict)) {
                throw new BackupRefused(source + " is damaged (integrity check: " + verdict + "); nothing was changed.");
            }
        } catch (SQLException e) {
            throw new BackupRefused(source + " is not a readable Mayday store (" + e.getMessage() + "); nothing was changed.");
        }
        MigrationInfo[] applied = Flyway.configure().dataSource(url, "", "").locations(MIGRATIONS).load().info().applied();
        if (applied.length == 0) {
            throw new BackupRefused(source + " is not a Mayday store (it has no schema history); nothing was changed.");
        }
        if (Arrays.stream(applied).anyMatch(m -> m.getState() == MigrationState.FUTURE_SUCCESS)) {
            throw new BackupRefused(source + " was written by a newer Mayday (its schema is ahead of this version); "
                    + "nothing was changed.");
        }
        MigrationInfo latest = Arrays.stream(applied).filter(m -> m.getVersion() != null)
                .max(Comparator.comparing(MigrationInfo::getVersion))
                .orElseThrow(() -> new BackupRefused(source + " has no versioned migration; nothing was changed."));
        compareSchema(url, reference(scratch, latest), source);
        return latest.getVersion().getVersion();
    }

    /** A store of this version's migrations up to the snapshot's own version: the schema the snapshot should have. */
    private static String reference(Path scratch, MigrationInfo version) {
        String url = "jdbc:sqlite:" + scratch.resolve("reference.db");
        Flyway.configure().dataSource(url, "", "").locations(MIGRATIONS)
                .target(version.getVersion().getVersion()).load().migrate();
        return url;
    }

    private static void compareSchema(String snapshotUrl, String referenceUrl, Path source) {
        Map<String, String> expected = objects(referenceUrl);
        Map<String, String> found = objects(snapshotUrl);
        List<String> differences = new ArrayList<>();
        found.forEach((object, sql) -> {
            if (!expected.containsKey(object)) {
                differences.add("has " + object + " that Mayday's migrations do not create");
            } else if (!expected.get(object).equals(sql)) {
                differences.add("has " + object + " defined differently from Mayday's migrations");
            }
        });
        expected.keySet().stream().filter(object -> !found.containsKey(object))
                .forEach(object -> differences.add("lacks " + object));
        if (!differences.isEmpty()) {
            throw new BackupRefused(source + " " + differences.get(0)
                    + (differences.size() > 1 ? " (and " + (differences.size() - 1) + " more differences)" : "")
                    + "; nothing was changed.");
        }
    }

    /** Every schema object, SQLite's internal ones included, as "a trigger x on incidents" → its normalised SQL. */
    private static Map<String, String> objects(String url) {
        Map<String, String> objects = new TreeMap<>();
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT type, name, tbl_name, sql FROM sqlite_master")) {
            while (rows.next()) {
                String type = rows.getString("type");
                String name = rows.getString("name");
                String table = rows.getString("tbl_name");
                String sql = rows.getString("sql");
                String object = ("index".equals(type) ? "an " : "a ") + type + " '" + name + "'" + (name.equals(table) ? "" : " on '" + table + "'");
                boolean history = HISTORY.equals(table) && ("table".equals(type) || "index".equals(type));
                objects.put(object, history || sql == null ? "" : sql.replaceAll("\\s+", " ").trim());
            }
        } catch (SQLException e) {
            throw new BackupRefused("Cannot read the schema of a store (" + e.getMessage() + "); nothing was changed.");
        }
        return objects;
    }
}
