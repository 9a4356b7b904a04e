package dev.mayday.db;

import dev.mayday.support.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The two dialects' migrations (db/dialect/sqlite, db/dialect/postgresql) build the same store: the same versions
 * applied, the same tables with the same columns, each as nullable on both. A change to one dialect's history that the
 * other lacks fails here.
 */
class DialectsTest {

    @TempDir
    Path dir;

    @Test
    void sqliteAndPostgres_haveTheSameHistoryTablesAndColumns() throws SQLException {
        assumeThat(TestPostgres.server()).as("a PostgreSQL server to compare with (see TestPostgres)").isPresent();
        try (TestStores.OpenStore sqlite = TestStores.open(StoreKind.SQLITE, dir);
             TestStores.OpenStore postgres = TestStores.open(StoreKind.POSTGRESQL, dir)) {

            assertThat(history(postgres.database())).isEqualTo(history(sqlite.database()))
                    .contains(1, 19, 21).doesNotContain(20);
            Map<String, SortedSet<String>> sqliteShape = shape(sqlite.database(), null);
            assertThat(sqliteShape).containsKeys("incidents", "outbox", "timeline_events", "store_origin");
            assertThat(shape(postgres.database(), "public")).isEqualTo(sqliteShape);
        }
    }

    private static List<Integer> history(Database database) {
        return database.jdbi().withHandle(handle -> handle.createQuery(
                "SELECT version FROM flyway_schema_history WHERE version IS NOT NULL ORDER BY installed_rank")
                .mapTo(String.class).map(Integer::valueOf).list());
    }

    private static Set<String> primaryKey(DatabaseMetaData metadata, String schema, String table) throws SQLException {
        Set<String> key = new TreeSet<>();
        try (ResultSet columns = metadata.getPrimaryKeys(null, schema, table)) {
            while (columns.next()) {
                key.add(columns.getString("COLUMN_NAME").toLowerCase());
            }
        }
        return key;
    }

    /**
     * Table name to its columns, each as {@code name} or {@code name?} when it may be null. A primary key column counts
     * as not null: SQLite lets most hold a null (an old quirk it keeps), PostgreSQL none.
     */
    private static Map<String, SortedSet<String>> shape(Database database, String schema) throws SQLException {
        return database.jdbi().withHandle(handle -> {
            Map<String, SortedSet<String>> tables = new TreeMap<>();
            DatabaseMetaData metadata = handle.getConnection().getMetaData();
            try (ResultSet columns = metadata.getColumns(null, schema, "%", "%")) {
                while (columns.next()) {
                    String table = columns.getString("TABLE_NAME").toLowerCase();
                    if (table.startsWith("sqlite_") || table.equals("flyway_schema_history")) {
                        continue;
                    }
                    String name = columns.getString("COLUMN_NAME").toLowerCase();
                    boolean nullable = "YES".equals(columns.getString("IS_NULLABLE"))
                            && !primaryKey(metadata, schema, columns.getString("TABLE_NAME")).contains(name);
                    String column = name + (nullable ? "?" : "");
                    tables.computeIfAbsent(table, t -> new TreeSet<>()).add(column);
                }
            }
            return tables;
        });
    }
}
