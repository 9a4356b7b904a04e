package dev.mayday.outbox;

import dev.mayday.db.Database;
import dev.mayday.db.outbox.OutboxRow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The engine with deliveries of its own: how a new publication type is carried, in order, once, and retried. */
class OutboxTest {

    @TempDir
    Path dir;

    private Database database;
    private Outbox outbox;

    @BeforeEach
    void openStore() {
        database = Database.open("jdbc:sqlite:" + dir.resolve("mayday.db"));
        TypedOutboxMigrationTest.insertIncident(database.jdbi(), 1);
        TypedOutboxMigrationTest.insertIncident(database.jdbi(), 2);
    }

    @AfterEach
    void close() {
        if (outbox != null) {
            outbox.close();
        }
        database.close();
    }

    @Test
    void rowsOfOneLane_areDeliveredOnceEach_inTheOrderTheyWereQueued() throws InterruptedException {
        List<String> delivered = new CopyOnWriteArrayList<>();
        start(new Deliveries().on(PagerNote.class, (note, attempt) -> delivered.add(note.incidentId() + ":" + note.text())));
        database.inTransaction(store -> {
            for (int i = 1; i <= 5; i++) {
                Publications.enqueue(store, new PagerNote(1, "U0ALEX", "n" + i), Clock.systemUTC().instant());
                Publications.enqueue(store, new PagerNote(2, "U0ALEX", "n" + i), Clock.systemUTC().instant());
            }
            return null;
        });
        outbox.wake();

        assertThat(outbox.awaitIdle(10, TimeUnit.SECONDS)).isTrue();
        assertThat(delivered).hasSize(10);
        assertThat(delivered).filteredOn(d -> d.startsWith("1:")).containsExactly("1:n1", "1:n2", "1:n3", "1:n4", "1:n5");
        assertThat(delivered).filteredOn(d -> d.startsWith("2:")).containsExactly("2:n1", "2:n2", "2:n3", "2:n4", "2:n5");
        assertThat(rows(1)).extracting(OutboxRow::state).containsOnly(OutboxRow.DONE);
    }

    @Test
    void aTransientFailure_isRetried_andTheRetryKnowsItIsOne_andSeesWhatTheFirstTryRecorded() throws InterruptedException {
        List<String> seen = new CopyOnWriteArrayList<>();
        start(new Deliveries().on(PagerResolve.class, (resolve, attempt) -> {
            seen.add(attempt.isRetry() + "/" + attempt.result().orElse("-"));
            if (!attempt.isRetry()) {
                attempt.recordResult("acted");
                throw new Unanswered();
            }
        }));
        database.inTransaction(store -> {
            Publications.enqueue(store, new PagerResolve(1), Clock.systemUTC().instant());
            return null;
        });
        outbox.wake();

        assertThat(outbox.awaitIdle(10, TimeUnit.SECONDS)).isTrue();
        assertThat(seen).containsExactly("false/-", "true/acted");
        assertThat(rows(1)).singleElement().satisfies(row -> {
            assertThat(row.state()).isEqualTo(OutboxRow.DONE);
            assertThat(row.attempts()).isEqualTo(2);
            assertThat(row.result()).isEqualTo("acted");
        });
    }

    private void start(Deliveries deliveries) {
        outbox = new Outbox(database, deliveries, Clock.systemUTC(), ProcessIdentity.random(), 2);
        outbox.start();
    }

    private List<OutboxRow> rows(long incidentId) {
        return database.read(store -> store.outbox().forIncident(incidentId));
    }

    /** A service that did not answer: worth another try. */
    private static final class Unanswered extends RuntimeException implements DeliveryError {

        Unanswered() {
            super("no answer");
        }

        @Override
        public boolean isTransient() {
            return true;
        }

        @Override
        public String reason() {
            return "no_answer";
        }
    }
}
