package dev.mayday.db;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * What SQLite's planner does with a statement on a freshly migrated store (no ANALYZE, as in production): the lines
 * of {@code EXPLAIN QUERY PLAN}, its parameters left unbound. For tests that hold a hot lookup to its index.
 */
public final class QueryPlans {

    private QueryPlans() {
    }

    public static List<String> onSqlite(Path dir, String sql) throws SQLException {
        try (Database db = Database.open("jdbc:sqlite:" + dir.resolve("plans.db"))) {
            return db.jdbi().<List<String>, SQLException>withHandle(handle -> {
                List<String> lines = new ArrayList<>();
                try (PreparedStatement plan = handle.getConnection().prepareStatement("EXPLAIN QUERY PLAN " + sql);
                     ResultSet rows = plan.executeQuery()) {
                    while (rows.next()) {
                        lines.add(rows.getString("detail"));
                    }
                }
                return lines;
            });
        }
    }
}
