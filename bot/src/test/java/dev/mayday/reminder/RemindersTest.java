package dev.mayday.reminder;

import dev.mayday.db.Database;
import dev.mayday.incident.Declaration;
import dev.mayday.incident.IncidentNotifier;
import dev.mayday.incident.IncidentService;
import dev.mayday.incident.Severity;
import dev.mayday.outbox.UpdateReminder;
import dev.mayday.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** The store decides who reminds: two checkers on one store (two processes) queue each reminder once. */
class RemindersTest {

    private static final Instant START = Instant.parse("2026-03-14T09:00:00Z");

    @TempDir
    Path dir;

    private final TestClock clock = new TestClock(START);
    private Database database;
    private IncidentService incidents;
    private ExecutorService pool;

    @BeforeEach
    void open() {
        database = Database.open("jdbc:sqlite:" + dir.resolve("mayday.db"));
        incidents = new IncidentService(database, clock, IncidentNotifier.waking(() -> { }));
    }

    @AfterEach
    void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
        database.close();
    }

    @Test
    void twoCheckersAtOnce_queueEachReminderOnce() throws Exception {
        for (int i = 0; i < 10; i++) {
            declareWithChannel("Incident " + i, Severity.SEV1);
        }
        List<Reminders> checkers = List.of(reminders(), reminders(), reminders(), reminders());
        clock.advance(Duration.ofMinutes(15));

        assertThat(runTogether(checkers)).isEqualTo(10);
        assertThat(runTogether(checkers)).isZero();
        assertThat(pendingRows("UpdateReminder")).isEqualTo(10);

        clock.advance(Duration.ofMinutes(15));
        assertThat(runTogether(checkers)).isEqualTo(10);
        assertThat(pendingRows("UpdateReminder")).isEqualTo(20);
    }

    @Test
    void aReminderNoLongerOwed_isNotStillQuiet() {
        String channel = declareWithChannel("Payments failing", Severity.SEV2);
        Reminders reminders = reminders();
        clock.advance(Duration.ofMinutes(30));
        assertThat(reminders.remindDue()).isEqualTo(1);
        long incidentId = database.read(store -> store.incidents().byChannel(channel)).orElseThrow().id();
        UpdateReminder reminder = new UpdateReminder(incidentId, 1, START.toEpochMilli(), clock.millis());
        assertThat(reminders.stillQuiet(reminder)).isTrue();

        incidents.postUpdate(channel, "U0LEAD", "Rolled back");

        assertThat(reminders.stillQuiet(reminder)).isFalse();
    }

    private Reminders reminders() {
        return new Reminders(database, clock, ReminderSchedule.defaults());
    }

    private int runTogether(List<Reminders> checkers) throws Exception {
        pool = pool == null ? Executors.newFixedThreadPool(checkers.size()) : pool;
        List<Callable<Integer>> work = new ArrayList<>();
        checkers.forEach(checker -> work.add(checker::remindDue));
        int total = 0;
        for (Future<Integer> done : pool.invokeAll(work)) {
            total += done.get();
        }
        return total;
    }

    private String declareWithChannel(String title, Severity severity) {
        var declared = incidents.declare(new Declaration(title, null, severity, false, false, "U0LEAD",
                "command:" + title, "C0GENERAL"));
        String channel = "C0INC" + declared.incident().id();
        database.inTransaction(store -> store.incidents().attachChannel(declared.incident().id(), channel, "inc-x"));
        return channel;
    }

    private int pendingRows(String type) {
        return database.jdbi().withHandle(h -> h.createQuery(
                "SELECT count(*) FROM outbox WHERE type = :type AND state = 'PENDING'").bind("type", type)
                .mapTo(Integer.class).one());
    }
}
