package dev.mayday.db;

import org.flywaydb.core.Flyway;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The schema, migrated on open. One history (V001, V002, …) on every kind of store, from two places:
 * {@code db/migration} holds migrations written in SQL that both SQLite and PostgreSQL run (every new one that can
 * be), and {@code db/dialect/<kind>} holds each dialect's own form of those that cannot (V001 to V021, written for
 * SQLite before PostgreSQL was supported). A version lives in one of the two places, never both.
 */
public final class Migrations {

    static final String PORTABLE = "db/migration";

    /**
     * The newest migration's version ({@code MigrationsTest} holds it to the files). A store whose history ends here
     * with no failed step is opened without Flyway, which otherwise costs a start-up about half a second to find,
     * parse and check every migration (issue 13's start-up target is 3 s). A store behind it, or one Flyway has not
     * seen, is migrated and checked by Flyway as before.
     */
    static final int NEWEST = 39;

    private static final String HISTORY = "SELECT max(CAST(version AS INTEGER)), "
            + "sum(CASE WHEN success THEN 0 ELSE 1 END) FROM flyway_schema_history";

    private Migrations() {
    }

    static void apply(DataSource dataSource, StoreKind kind) {
        if (!isCurrent(dataSource::getConnection)) {
            configured(kind).dataSource(dataSource).load().migrate();
        }
    }

    static void apply(String url, StoreKind kind) {
        if (!isCurrent(() -> DriverManager.getConnection(url))) {
            configured(kind).dataSource(url, "", "").load().migrate();
        }
    }

    /** Whether the store's history ends at {@link #NEWEST} with every step a success; false when it cannot tell. */
    static boolean isCurrent(Connect connect) {
        try (Connection connection = connect.open();
             Statement statement = connection.createStatement();
             ResultSet history = statement.executeQuery(HISTORY)) {
            return history.next() && history.getInt(1) == NEWEST && history.getInt(2) == 0;
        } catch (SQLException e) {
            return false; // no history yet (a new store), or one this cannot read: Flyway decides
        }
    }

    @FunctionalInterface
    interface Connect {
        Connection open() throws SQLException;
    }

    /** Where the migrations of {@code kind} are, for Flyway: its dialect's own, and the portable ones. */
    public static String[] locations(StoreKind kind) {
        List<String> locations = new ArrayList<>();
        locations.add(kind.migrations());
        // an empty folder is not packaged, and Flyway warns of a location it cannot find on every start
        if (Migrations.class.getClassLoader().getResource(PORTABLE) != null) {
            locations.add("classpath:" + PORTABLE);
        }
        return locations.toArray(String[]::new);
    }

    private static org.flywaydb.core.api.configuration.FluentConfiguration configured(StoreKind kind) {
        return Flyway.configure().locations(locations(kind));
    }
}
