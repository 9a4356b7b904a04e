package dev.mayday.db;

import dev.mayday.db.incident.IncidentRow;
import dev.mayday.db.timeline.TimelineRow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Writes that arrive together share one transaction, and each still stands or falls alone. */
class GroupCommitTest {

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

    @Test
    void writesQueuedBehindOne_runInTheNextLeadersTurn_andEachAnswersOnlyOnceStored() throws Exception {
        Database db = Database.open("jdbc:sqlite:" + dir.resolve("batch.db"));
        holdTheTurn(db);
        Map<String, String> ranOn = new ConcurrentHashMap<>();
        Map<String, Boolean> storedWhenAnswered = new ConcurrentHashMap<>();
        for (int i = 0; i < 5; i++) {
            String key = "queued-" + i;
            queueWriter(() -> {
                db.inTransaction(store -> {
                    ranOn.put(key, Thread.currentThread().getName());
                    return store.incidents().insertIfNew(incident(key));
                });
                // read on another connection: the write must be committed by the time its caller hears back
                storedWhenAnswered.put(key, db.read(store -> store.incidents().byOriginKey(key)).isPresent());
            });
        }

        release.countDown();
        await().atMost(Duration.ofSeconds(30)).until(() -> storedWhenAnswered.size() == 5);

        assertThat(storedWhenAnswered).containsOnlyKeys("queued-0", "queued-1", "queued-2", "queued-3", "queued-4")
                .allSatisfy((key, stored) -> assertThat(stored).as(key).isTrue());
        // the first writer to wait leads the next turn and runs all four behind it on its own thread
        assertThat(ranOn.values()).containsOnly(ranOn.get("queued-0"));
    }

    @Test
    void aWriteThatFailsInABatch_isUndoneAlone_andTheOthersAreStored() throws Exception {
        Database db = Database.open("jdbc:sqlite:" + dir.resolve("apart.db"));
        holdTheTurn(db);
        Map<String, Object> outcomes = new ConcurrentHashMap<>();
        for (int i = 0; i < 3; i++) {
            String key = "write-" + i;
            boolean fails = i == 1;
            queueWriter(() -> {
                try {
                    outcomes.put(key, db.inTransaction(store -> {
                        store.incidents().insertIfNew(incident(key));
                        if (fails) {
                            throw new IllegalStateException("changed its mind after writing");
                        }
                        return "stored";
                    }));
                } catch (RuntimeException e) {
                    outcomes.put(key, e);
                }
            });
        }

        release.countDown();
        await().atMost(Duration.ofSeconds(30)).until(() -> outcomes.size() == 3);

        assertThat(outcomes.get("write-0")).isEqualTo("stored");
        assertThat(outcomes.get("write-2")).isEqualTo("stored");
        assertThat(outcomes.get("write-1")).isInstanceOf(IllegalStateException.class)
                .hasToString("java.lang.IllegalStateException: changed its mind after writing");
        List<IncidentRow> stored = db.read(store -> store.incidents().all());
        assertThat(stored).extracting(IncidentRow::originKey)
                .containsExactlyInAnyOrder("held", "write-0", "write-2");
    }

    @Test
    void aWriteBegunInsideAWrite_joinsIt_andIsUndoneWithIt() {
        Database db = Database.open("jdbc:sqlite:" + dir.resolve("nested.db"));

        assertThatThrownBy(() -> db.inTransaction(store -> {
            store.incidents().insertIfNew(incident("outer"));
            db.inTransaction(inner -> inner.incidents().insertIfNew(incident("inner")));
            throw new IllegalStateException("outer fails after the inner write");
        })).isInstanceOf(IllegalStateException.class);

        List<IncidentRow> stored = db.read(store -> store.incidents().all());
        assertThat(stored).isEmpty();
    }

    @Test
    void aStoreFailureInsideAWrite_isRaisedAsAStoreException() {
        Database db = Database.open("jdbc:sqlite:" + dir.resolve("failure.db"));

        // no incident 999: the foreign key refuses the row
        TimelineRow orphan = new TimelineRow(0, 999, 1_000L, "NOTE", "U1", "orphan", false, null, "orphan", null,
                false, null);

        assertThatThrownBy(() -> db.inTransaction(store -> store.timeline().insertIfAbsent(orphan)))
                .isInstanceOf(StoreException.class);
    }

    /** A write that keeps the turn until the test lets it go; returns once it has the turn. */
    private void holdTheTurn(Database db) throws InterruptedException {
        CountDownLatch holding = new CountDownLatch(1);
        Thread holder = new Thread(() -> db.inTransaction(store -> {
            store.incidents().insertIfNew(incident("held"));
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

    /** Starts a writer and returns once it waits, so writers queue in the order they are started. */
    private void queueWriter(Runnable write) {
        Thread writer = new Thread(write, "writer-" + threads.size());
        threads.add(writer);
        writer.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> writer.getState() == Thread.State.WAITING
                || writer.getState() == Thread.State.TIMED_WAITING || !writer.isAlive());
    }

    private static IncidentRow incident(String originKey) {
        return new IncidentRow(0, "Checkout down", null, "SEV2", "INVESTIGATING", false,
                IncidentRow.People.declarerLeads("U1"),
                IncidentRow.Times.declared(1_000L), null, originKey,
                IncidentRow.Place.declaredFrom("C0"), 1_000L);
    }
}
