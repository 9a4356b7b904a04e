package dev.mayday.db;

import org.jdbi.v3.core.ConnectionFactory;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Keeps a few SQLite connections open between uses. Opening one costs more than most statements it runs: the
 * native open, the pragmas from the URL, and SQLite reading the schema again before the first statement. A
 * connection comes back only when it is clean (no transaction left open); at most {@code maxIdle} wait here.
 */
final class ReusedConnections implements ConnectionFactory, AutoCloseable {

    private final String url;
    private final int maxIdle;
    private final ConcurrentLinkedDeque<Connection> idle = new ConcurrentLinkedDeque<>();
    private final AtomicInteger idleCount = new AtomicInteger();
    private final Set<Connection> leased = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));
    private volatile boolean closed;

    ReusedConnections(String url, int maxIdle) {
        this.url = url;
        this.maxIdle = maxIdle;
    }

    @Override
    public Connection openConnection() throws SQLException {
        Connection connection = idle.pollFirst();
        if (connection != null) {
            idleCount.decrementAndGet();
        } else {
            connection = DriverManager.getConnection(url);
        }
        leased.add(connection);
        return connection;
    }

    /** Takes a connection back; a second return of the same lease is ignored, so no connection is handed out twice. */
    @Override
    public void closeConnection(Connection connection) throws SQLException {
        if (!leased.remove(connection) || connection.isClosed()) {
            return;
        }
        if (closed || !connection.getAutoCommit()) {
            connection.close();
            return;
        }
        if (idleCount.incrementAndGet() > maxIdle) {
            idleCount.decrementAndGet();
            connection.close();
            return;
        }
        idle.offerFirst(connection);
        if (closed) {
            closeIdle();
        }
    }

    /** How many connections wait for reuse. */
    int idleCount() {
        return idle.size();
    }

    @Override
    public void close() {
        closed = true;
        closeIdle();
    }

    private void closeIdle() {
        Connection connection;
        while ((connection = idle.pollFirst()) != null) {
            idleCount.decrementAndGet();
            try {
                connection.close();
            } catch (SQLException e) {
                // closing: the file handle goes with the process at worst
            }
        }
    }
}
