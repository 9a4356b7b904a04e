package dev.mayday.faults;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plain JDBC reads of the servers' store beside the running servers: a SQLite file (WAL lets a reader in) or a
 * PostgreSQL database.
 */
final class StoreReader implements AutoCloseable {

    private final Connection connection;
    private final boolean postgres;

    StoreReader(Path file) throws SQLException {
        this("jdbc:sqlite:" + file + "?busy_timeout=5000");
    }

    /** A reader of the store at a JDBC URL ({@code jdbc:sqlite:…} or {@code jdbc:postgresql:…}). */
    StoreReader(String jdbcUrl) throws SQLException {
        connection = DriverManager.getConnection(jdbcUrl);
        postgres = jdbcUrl.startsWith("jdbc:postgresql:");
    }

    /** Whether the store is PostgreSQL (a few checks are written in each dialect). */
    boolean postgres() {
        return postgres;
    }

    long count(String sql, Object... args) {
        return ((Number) rows(sql, args).get(0).values().iterator().next()).longValue();
    }

    List<Map<String, Object>> rows(String sql, Object... args) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            try (ResultSet result = statement.executeQuery()) {
                ResultSetMetaData meta = result.getMetaData();
                List<Map<String, Object>> rows = new ArrayList<>();
                while (result.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int c = 1; c <= meta.getColumnCount(); c++) {
                        row.put(meta.getColumnLabel(c), result.getObject(c));
                    }
                    rows.add(row);
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the store: " + sql, e);
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
