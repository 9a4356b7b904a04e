package dev.mayday.db.sql;

import org.jdbi.v3.core.Handle;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs statements on a unit of work's connection with plain JDBC, each prepared once per connection
 * ({@link PreparedStatements}). The hot paths use it instead of Jdbi's SqlObjects and fluent API, which copy their
 * configuration and build a statement context on every call: several times the cost of the statement itself here.
 * Parameters are bound in order ({@code ?}), a boolean as 1 or 0 (flags are INTEGER columns on SQLite and PostgreSQL
 * alike); rows are read by column name by each table's {@link RowReader}.
 */
public final class Sql {

    private final Connection connection;
    private final PreparedStatements statements;

    private Sql(Connection connection, PreparedStatements statements) {
        this.connection = connection;
        this.statements = statements;
    }

    /** The statements of the unit of work {@code handle} runs (and of its transaction, if it has one). */
    public static Sql on(Handle handle) {
        return new Sql(handle.getConnection(), handle.getJdbi().getConfig(PreparedStatements.class));
    }

    /** Runs an INSERT, UPDATE or DELETE; returns how many rows it changed. */
    public int update(String sql, Object... parameters) {
        try {
            return bound(sql, parameters).executeUpdate();
        } catch (SQLException e) {
            throw new StatementFailed(sql, e);
        }
    }

    /**
     * The first row of a query (or of an {@code INSERT … RETURNING}); empty when there is none, or when
     * {@code reader} reads it as null (a lone column that is NULL), as Jdbi answers an {@code Optional} query.
     */
    public <T> Optional<T> first(String sql, RowReader<T> reader, Object... parameters) {
        try (ResultSet rows = bound(sql, parameters).executeQuery()) {
            return rows.next() ? Optional.ofNullable(reader.read(rows)) : Optional.empty();
        } catch (SQLException e) {
            throw new StatementFailed(sql, e);
        }
    }

    public <T> List<T> list(String sql, RowReader<T> reader, Object... parameters) {
        try (ResultSet rows = bound(sql, parameters).executeQuery()) {
            List<T> read = new ArrayList<>();
            while (rows.next()) {
                read.add(reader.read(rows));
            }
            return read;
        } catch (SQLException e) {
            throw new StatementFailed(sql, e);
        }
    }

    private PreparedStatement bound(String sql, Object[] parameters) throws SQLException {
        PreparedStatement statement = statements.prepared(connection, sql);
        statement.clearParameters();
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i] instanceof Boolean flag ? (flag ? 1 : 0) : parameters[i]);
        }
        return statement;
    }

    /** Reads the current row of a result set, by column name. */
    @FunctionalInterface
    public interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    /** Reads a nullable INTEGER column. */
    public static Long nullableLong(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }
}
