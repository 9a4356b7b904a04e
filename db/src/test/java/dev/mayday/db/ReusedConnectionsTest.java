package dev.mayday.db;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class ReusedConnectionsTest {

    @TempDir
    Path dir;

    private String url() {
        return SqliteUrl.withPragmas("jdbc:sqlite:" + dir.resolve("reuse.db"));
    }

    @Test
    void aReturnedConnection_isHandedOutAgain() throws Exception {
        try (ReusedConnections connections = new ReusedConnections(url(), 2)) {
            Connection first = connections.openConnection();
            connections.closeConnection(first);

            assertThat(connections.openConnection()).isSameAs(first);
        }
    }

    @Test
    void aConnectionLeftInATransaction_isClosedNotReused() throws Exception {
        try (ReusedConnections connections = new ReusedConnections(url(), 2)) {
            Connection dirty = connections.openConnection();
            dirty.setAutoCommit(false);
            connections.closeConnection(dirty);

            assertThat(dirty.isClosed()).isTrue();
            assertThat(connections.idleCount()).isZero();
        }
    }

    @Test
    void returningTheSameLeaseTwice_keepsItOnce() throws Exception {
        try (ReusedConnections connections = new ReusedConnections(url(), 4)) {
            Connection connection = connections.openConnection();
            connections.closeConnection(connection);
            connections.closeConnection(connection);

            assertThat(connections.idleCount()).isEqualTo(1);
            assertThat(connections.openConnection()).isSameAs(connection);
            assertThat(connections.openConnection()).isNotSameAs(connection);
        }
    }

    @Test
    void atMostMaxIdleWait_theRestAreClosed() throws Exception {
        try (ReusedConnections connections = new ReusedConnections(url(), 2)) {
            List<Connection> open = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                open.add(connections.openConnection());
            }
            for (Connection connection : open) {
                connections.closeConnection(connection);
            }

            assertThat(connections.idleCount()).isEqualTo(2);
            assertThat(open.stream().filter(c -> {
                try {
                    return c.isClosed();
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            })).hasSize(3);
        }
    }

    @Test
    void closing_closesTheIdleConnections() throws Exception {
        ReusedConnections connections = new ReusedConnections(url(), 2);
        Connection connection = connections.openConnection();
        connections.closeConnection(connection);

        connections.close();

        assertThat(connection.isClosed()).isTrue();
    }

    /**
     * Jdbi keys its unspecialized transaction state by handle, and handles on one connection compare equal: with
     * reused connections, one handle closing dropped the state of the next one on that connection mid-transaction
     * ("Improper transaction handling"), a few times in a thousand transactions.
     */
    @Test
    void concurrentTransactions_onReusedConnections_allCommit() throws Exception {
        Database database = Database.open("jdbc:sqlite:" + dir.resolve("concurrent.db"));
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        AtomicInteger committed = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            Thread thread = new Thread(() -> {
                for (int i = 0; i < 400; i++) {
                    try {
                        database.inTransaction(store -> store.incidents().all().size());
                        committed.incrementAndGet();
                    } catch (Throwable e) {
                        failures.add(e);
                    }
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join(120_000);
        }
        database.close();

        assertThat(failures).isEmpty();
        assertThat(committed).hasValue(8 * 400);
    }
}
