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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Writers in a storm: queued fairly and served, refused only past the bound. */
class WriterQueueTest {

    @TempDir
    Path dir;
    private final List<Thread> threads = new ArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stopThreads() throws InterruptedException {
        release.countDown();
        for (Thread thread : threads) {
            thread.join(30_000);
        }
    }

    /** The old store refused every writer that waited more than 2 s, and 40 turns of 100 ms take 4 s. */
    @Test
    void writersQueuedLongerThanTheOldPatience_areAllServed_inArrivalOrder() throws Exception {
        Database db = Database.open("jdbc:sqlite:" + dir.resolve("storm.db"));
        holdTheTurn(db);
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

        release.countDown();
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
        holdTheTurn(db);
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
        assertThat(release.getCount()).isOne();
        assertThat(overflow.get()).isInstanceOf(StoreBusyException.class)
                .hasMessageContaining("3 writes are already queued").hasMessageContaining("limit is 3");

        release.countDown();
        await().atMost(Duration.ofSeconds(30)).until(() -> db.read(store -> store.incidents().all()).size() == 3);
        assertThat(refused).isEmpty();
        Optional<IncidentRow> overflowed = db.read(store -> store.incidents().byOriginKey("overflow"));
        assertThat(overflowed).isEmpty();
    }

    @Test
    void aWriterWhoseTurnNeverComes_givesUpAtTheLastResort_withAClearMessage() throws Exception {
        Database db = Database.open("jdbc:sqlite:" + dir.resolve("stuck.db"), new WriterQueue(10, Duration.ofMillis(300)));
        holdTheTurn(db);

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

    /** A transaction that keeps the turn until the test lets it go; returns once it has the turn. */
    private void holdTheTurn(Database db) throws InterruptedException {
        CountDownLatch holding = new CountDownLatch(1);
        Thread holder = new Thread(() -> db.inTransaction(store -> {
            holding.countDown();
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }), "holder");
        threads.add(holder);
        holder.start();
        assertThat(holding.await(30, TimeUnit.SECONDS)).isTrue();
    }

    /** Starts a writer and returns once it waits for the turn, so writers queue in the order they are started. */
    private Thread queueWriter(Runnable write, ConcurrentLinkedQueue<Throwable> failures) {
        Thread writer = new Thread(() -> {
            try {
                write.run();
            } catch (Throwable e) {
                failures.add(e);
            }
        }, "writer-" + threads.size());
        threads.add(writer);
        writer.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> writer.getState() == Thread.State.WAITING
                || writer.getState() == Thread.State.TIMED_WAITING || !writer.isAlive());
        return writer;
    }

    private static IncidentRow incident(String originKey) {
        return new IncidentRow(0, "Checkout down", null, "SEV2", "INVESTIGATING", false,
                IncidentRow.People.declarerLeads("U1"),
                IncidentRow.Times.declared(1_000L), null, originKey,
                IncidentRow.Place.declaredFrom("C0"), 1_000L);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
