package dev.mayday.db;

import dev.mayday.db.outbox.OutboxRow;
import dev.mayday.support.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * Writes on PostgreSQL keep SQLite's promise that a unit of work never writes from a stale read: concurrent
 * read-then-write units of work, each on a connection of its own, all count, the ones that collided run again.
 */
class SerializableWritesTest {

    private static final int WRITERS = 4;
    private static final int EACH = 10;

    @TempDir
    Path dir;
    TestStores.OpenStore opened;
    Database db;

    @BeforeEach
    void open() {
        assumeThat(TestPostgres.server()).as("a PostgreSQL server (see TestPostgres)").isPresent();
        opened = TestStores.open(StoreKind.POSTGRESQL, dir);
        db = opened.database();
        db.inTransaction(store -> store.outbox().enqueue("Counter", "{}", "test/counter", null, null, false, 1_000L));
        row = db.read(store -> store.outbox().ofType("Counter").get(0).id());
    }

    @AfterEach
    void close() {
        if (opened != null) {
            opened.close();
        }
    }

    long row;

    /** A counter kept where a delivery keeps its result: one row's result, one character per count. */
    private long counted() {
        return db.read(store -> countIn(store));
    }

    private long countIn(Database.Store store) {
        return store.outbox().byId(row).map(OutboxRow::result).map(String::length).orElse(0);
    }

    private void countOneIn(Database.Store store) {
        store.outbox().recordResult(row, "x".repeat((int) countIn(store) + 1));
    }

    @Test
    void readThenWrite_fromManyThreadsAtOnce_losesNoUpdate() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        try {
            CountDownLatch gate = new CountDownLatch(1);
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                writers.add(pool.submit(() -> {
                    gate.await(10, TimeUnit.SECONDS);
                    for (int i = 0; i < EACH; i++) {
                        db.inTransaction(store -> {
                            countOneIn(store);
                            return null;
                        });
                    }
                    return null;
                }));
            }
            gate.countDown();
            for (Future<?> writer : writers) {
                writer.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(counted()).isEqualTo(WRITERS * EACH);
    }

    @Test
    void onlyConflictsRunAgain_notAFailureWithoutASqlState() {
        assertThat(SerializableWrites.mayRunAgain(new IllegalStateException(new SQLException("x", "40001")))).isTrue();
        assertThat(SerializableWrites.mayRunAgain(new IllegalStateException(new SQLException("x", "40P01")))).isTrue();
        assertThat(SerializableWrites.mayRunAgain(new SQLException("pool wait ran out"))).isFalse();
        assertThat(SerializableWrites.mayRunAgain(new SQLException("duplicate key", "23505"))).isFalse();
    }

    @Test
    void aWriteBegunInsideAWrite_joinsIt_andFailsWithIt() {
        try {
            db.inTransaction(outer -> {
                countOneIn(outer);
                db.inTransaction(inner -> {
                    countOneIn(inner);
                    return null;
                });
                assertThat(countIn(outer)).as("the inner write is seen by the outer one").isEqualTo(2);
                throw new IllegalStateException("the outer unit of work fails after the inner one");
            });
        } catch (IllegalStateException expected) {
            // both updates went with the outer transaction
        }

        assertThat(counted()).isZero();
    }
}
