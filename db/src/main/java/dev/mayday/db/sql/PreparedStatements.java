package dev.mayday.db.sql;

import org.jdbi.v3.core.config.JdbiConfig;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The hot statements, each prepared once per connection and reused for as long as the connection lives: preparing
 * costs SQLite more than running most of them. It lives in the Jdbi's configuration, so there is one per store and
 * every handle finds it ({@link #createCopy} shares it rather than copying it).
 *
 * <p>A connection is used by one thread at a time, so its statements need no lock of their own; only the map of
 * connections is shared. Connections closed by the pool drop out of it (their statements closed with them) the next
 * time a new connection arrives and the map has grown past a few spares.
 */
public final class PreparedStatements implements JdbiConfig<PreparedStatements> {

    /** Above this many connections known, closed ones are looked for and forgotten. */
    private static final int CONNECTIONS_BEFORE_SWEEP = 16;

    private final Map<Connection, Map<String, PreparedStatement>> byConnection = new IdentityHashMap<>();

    /** Jdbi makes one when a store first asks for it; it is shared from then on. */
    public PreparedStatements() {
    }

    PreparedStatement prepared(Connection connection, String sql) throws SQLException {
        Map<String, PreparedStatement> statements = statementsOf(connection);
        PreparedStatement statement = statements.get(sql);
        if (statement == null || statement.isClosed()) {
            statement = connection.prepareStatement(sql);
            statements.put(sql, statement);
        }
        return statement;
    }

    /** How many connections have statements here (for tests). */
    synchronized int connectionCount() {
        return byConnection.size();
    }

    private synchronized Map<String, PreparedStatement> statementsOf(Connection connection) throws SQLException {
        Map<String, PreparedStatement> statements = byConnection.get(connection);
        if (statements == null) {
            if (byConnection.size() >= CONNECTIONS_BEFORE_SWEEP) {
                forgetClosed();
            }
            statements = new HashMap<>();
            byConnection.put(connection, statements);
        }
        return statements;
    }

    private void forgetClosed() throws SQLException {
        var connections = byConnection.keySet().iterator();
        while (connections.hasNext()) {
            if (connections.next().isClosed()) {
                connections.remove();
            }
        }
    }

    @Override
    public PreparedStatements createCopy() {
        return this;
    }
}
