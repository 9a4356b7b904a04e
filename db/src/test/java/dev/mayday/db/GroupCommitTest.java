package dev.mayday.db;

import dev.mayday.db.incident.IncidentRow;
import dev.mayday.db.timeline.TimelineRow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static dev.mayday.db.QueuedWriters.incident;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Writes that arrive together share one transaction, and each still stands or falls alone. */
class GroupCommitTest {

    @TempDir
    Path dir;
    private final QueuedWriters queued = new QueuedWriters();

    @AfterEach
    void stopThreads() throws InterruptedException {
        queued.stop();
    }

    @Test
    void writesQueuedBehindOne_runInTheNextLeadersTurn_andEachAnswersOnlyOnceStored() throws Exception {
        Database db = Database.open("jdbc:sqlite:" + dir.resolve("batch.db"));
        queued.holdTheTurn(db, store -> store.incidents().insertIfNew(incident("held")));
        Map<String, String> ranOn = new ConcurrentHashMap<>();
        Map<String, Boolean> storedWhenAnswered = new ConcurrentHashMap<>();
        for (int i = 0; i < 5; i++) {
            String key = "queued-" + i;
            queued.queue(() -> {
                db.inTransaction(store -> {
                    ranOn.put(key, Thread.currentThread().getName());
                    return store.incidents().insertIfNew(incident(key));
                });
                // read on another connection: the write must be committed by the time its caller hears back
                storedWhenAnswered.put(key, db.read(store -> store.incidents().byOriginKey(key)).isPresent());
            });
        }

        queued.release();
        await().atMost(Duration.ofSeconds(30)).until(() -> storedWhenAnswered.size() == 5);

        assertThat(storedWhenAnswered).containsOnlyKeys("queued-0", "queued-1", "queued-2", "queued-3", "queued-4")
                .allSatisfy((key, stored) -> assertThat(stored).as(key).isTrue());
        // the first writer to wait leads the next turn and runs all four behind it on its own thread
        assertThat(ranOn.values()).containsOnly(ranOn.get("queued-0"));
    }

    @Test
    void aWriteThatFailsInABatch_isUndoneAlone_andTheOthersAreStored() throws Exception {
        Database db = Database.open("jdbc:sqlite:" + dir.resolve("apart.db"));
        queued.holdTheTurn(db, store -> store.incidents().insertIfNew(incident("held")));
        Map<String, Object> outcomes = new ConcurrentHashMap<>();
        for (int i = 0; i < 3; i++) {
            String key = "write-" + i;
            boolean fails = i == 1;
            queued.queue(() -> {
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

        queued.release();
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
}
