package dev.mayday.db;

import dev.mayday.db.incident.IncidentRow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import static dev.mayday.db.QueuedWriters.incident;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Writers in a storm: queued fairly and served, refused only past the bound. */
class WriterQueueTest {

    @TempDir
    Path dir;
    private final QueuedWriters queued = new QueuedWriters();

    @AfterEach
    void stopThreads() throws InterruptedException {
        queued.stop();
    }

    /** The old store refused every writer that waited more than 2 s, and 40 turns of 100 ms take 4 s. */
    @Test
    void writersQueuedLongerThanTheOldPatience_areAllServed_inArrivalOrder() throws Exception {
        Database db = Database.open("jdbc:sqlite:" + dir.resolve("storm.db"));
        queued.holdTheTurn(db, store -> { });
        ConcurrentLinkedQueue<Integer> served = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Throwable> refused = new ConcurrentLinkedQueue<>();
        List<Thread> writers = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            int n = i;
            writers.add(queueWriter(() -> db.inTransaction(store -> {
                served.add(n);
                store.incidents().insertIfNew(incident("storm-" + n));
                pause(100);
                return null;
            }), refused));
        }

        queued.release();
        for (Thread writer : writers) {
            writer.join(60_000);
        }

        assertThat(refused).isEmpty();
        assertThat(served).containsExactlyElementsOf(IntStream.range(0, 40).boxed().toList());
        List<IncidentRow> stored = db.read(store -> store.incidents().all());
        assertThat(stored).hasSize(40);
    }

    @Test
    void aWriterBeyondTheBound_isRefusedAtOnce_withTheCount_andStoresNothing() throws Exception {
        Database db = Database.open("jdbc:sqlite:" + dir.resolve("bound.db"), new WriterQueue(3, Duration.ofSeconds(20)));
        queued.holdTheTurn(db, store -> { });
        ConcurrentLinkedQueue<Throwable> refused = new ConcurrentLinkedQueue<>();
        for (int i = 0; i < 3; i++) {
            String key = "queued-" + i;
            queueWriter(() -> db.inTransaction(store -> store.incidents().insertIfNew(incident(key))), refused);
        }

        AtomicReference<Throwable> overflow = new AtomicReference<>();
        try {
            db.inTransaction(store -> store.incidents().insertIfNew(incident("overflow")));
        } catch (RuntimeException e) {
            overflow.set(e);
        }
        // the turn is still held: an answer now means the fourth writer did not wait for it
        assertThat(queued.isHeld()).isTrue();
        assertThat(overflow.get()).isInstanceOf(StoreBusyException.class)
                .hasMessageContaining("3 writes are already queued").hasMessageContaining("limit is 3");

        queued.release();
        await().atMost(Duration.ofSeconds(30)).until(() -> db.read(store -> store.incidents().all()).size() == 3);
        assertThat(refused).isEmpty();
        Optional<IncidentRow> overflowed = db.read(store -> store.incidents().byOriginKey("overflow"));
        assertThat(overflowed).isEmpty();
    }

    @Test
    void aWriterWhoseTurnNeverComes_givesUpAtTheLastResort_withAClearMessage() throws Exception {
        Database db = Database.open("jdbc:sqlite:" + dir.resolve("stuck.db"), new WriterQueue(10, Duration.ofMillis(300)));
        queued.holdTheTurn(db, store -> { });

        AtomicReference<Throwable> stuck = new AtomicReference<>();
        try {
            db.inTransaction(store -> store.incidents().insertIfNew(incident("stuck")));
        } catch (RuntimeException e) {
            stuck.set(e);
        }

        assertThat(stuck.get()).isInstanceOf(StoreBusyException.class).hasMessageContaining("no turn to write came");
    }

    @Test
    void aTransactionBegunInsideAnother_reusesItsTurn() {
        Database db = Database.open("jdbc:sqlite:" + dir.resolve("nested.db"), new WriterQueue(1, Duration.ofMillis(300)));

        int inner = db.inTransaction(store -> db.jdbi().inTransaction(h -> h.createQuery("SELECT 1")
                .mapTo(Integer.class).one()));

        assertThat(inner).isOne();
    }

    /** Queues a writer (see {@link QueuedWriters#queue}) whose failure is kept in {@code failures}. */
    private Thread queueWriter(Runnable write, ConcurrentLinkedQueue<Throwable> failures) {
        return queued.queue(() -> {
            try {
                write.run();
            } catch (Throwable e) {
                failures.add(e);
            }
        });
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
