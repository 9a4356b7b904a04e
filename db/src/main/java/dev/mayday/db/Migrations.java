package dev.mayday.db;

import org.flywaydb.core.Flyway;

import javax.sql.DataSource;
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

    private Migrations() {
    }

    static void apply(DataSource dataSource, StoreKind kind) {
        configured(kind).dataSource(dataSource).load().migrate();
    }

    static void apply(String url, StoreKind kind) {
        configured(kind).dataSource(url, "", "").load().migrate();
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
