package dev.mayday.timers;

import dev.mayday.db.Database;
import dev.mayday.db.StoreKind;
import dev.mayday.digest.DigestSchedule;
import dev.mayday.digest.StoreOrigin;
import dev.mayday.digest.WeeklyDigests;
import dev.mayday.incident.Declaration;
import dev.mayday.incident.Incident;
import dev.mayday.incident.IncidentNotifier;
import dev.mayday.incident.IncidentService;
import dev.mayday.incident.Severity;
import dev.mayday.outbox.HomeRefresh;
import dev.mayday.reminder.ReminderSchedule;
import dev.mayday.reminder.Reminders;
import dev.mayday.rotation.DutyService;
import dev.mayday.rotation.HandOffs;
import dev.mayday.rotation.MemberKind;
import dev.mayday.rotation.RotationPicker;
import dev.mayday.support.SharedStore;
import dev.mayday.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every process runs the timers; the store decides who acts. Four processes (each its own {@link Database} on one
 * store: a SQLite file, and a PostgreSQL database when a server is there) run the same check at the same instant,
 * released together by a barrier: each digest, hand-off offer, reminder and App Home refresh is queued exactly once.
 */
class TimersAcrossProcessesTest {

    private static final int PROCESSES = 4;
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    /** Monday 23 November 2026, 09:00 in Berlin: the slot of W47's digest. */
    private static final Instant SLOT = Instant.parse("2026-11-23T08:00:00Z");

    @TempDir
    Path dir;
    SharedStore store;
    final List<Database> processes = new ArrayList<>();
    final TestClock clock = new TestClock(SLOT);
    ExecutorService pool;

    void open(StoreKind kind) {
        store = SharedStore.create(kind, dir);
        for (int i = 0; i < PROCESSES; i++) {
            processes.add(store.open());
        }
        pool = Executors.newFixedThreadPool(PROCESSES);
    }

    @AfterEach
    void close() throws Exception {
        if (pool != null) {
            pool.shutdownNow();
        }
        if (store != null) {
            store.close();
        }
    }

    @ParameterizedTest(name = "on {0}")
    @MethodSource(SharedStore.KINDS)
    void weeklyDigest_isQueuedByOneProcess(StoreKind kind) throws Exception {
        open(kind);
        new StoreOrigin(processes.get(0)).existedAt(SLOT.minus(Duration.ofDays(21)));

        List<Boolean> queued = together(database -> () -> new WeeklyDigests(DigestSchedule.parse("MON 09:00", BERLIN),
                database, clock, () -> { }).queueDue().isPresent());

        assertThat(queued).containsOnlyOnce(true);
        assertThat(rows("WeeklyDigest")).isEqualTo(1);
    }

    @ParameterizedTest(name = "on {0}")
    @MethodSource(SharedStore.KINDS)
    void handOffOffers_eachStintIsOfferedByOneProcess(StoreKind kind) throws Exception {
        open(kind);
        Database first = processes.get(0);
        DutyService roster = new DutyService(first, clock, BERLIN);
        for (String user : List.of("U0AMY", "U0BEN", "U0CAL", "U0DAN", "U0EVE", "U0FAY")) {
            roster.join(user, MemberKind.ENGINEER);
        }
        declareWithChannel(first, "Checkout is down", Severity.SEV2);
        declareWithChannel(first, "Search is slow", Severity.SEV3);
        clock.advance(Duration.ofHours(4).plusMinutes(1));

        List<Integer> offered = together(database -> () -> new HandOffs(database, clock, Duration.ofHours(4),
                new DutyService(database, clock, BERLIN)).offerDue(20).size());

        assertThat(offered.stream().mapToInt(Integer::intValue).sum()).isEqualTo(2);
        assertThat(rows("HandOffOffered")).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM handoff_offers")).isEqualTo(2);
    }

    @ParameterizedTest(name = "on {0}")
    @MethodSource(SharedStore.KINDS)
    void quietReminders_eachIsQueuedByOneProcess_andTheNextRoundToo(StoreKind kind) throws Exception {
        open(kind);
        for (int i = 0; i < 3; i++) {
            declareWithChannel(processes.get(0), "Incident " + i, Severity.SEV1);
        }
        clock.advance(Duration.ofMinutes(15));

        assertThat(sum(together(database -> () -> reminders(database).remindDue()))).isEqualTo(3);
        clock.advance(Duration.ofMinutes(15));
        assertThat(sum(together(database -> () -> reminders(database).remindDue()))).isEqualTo(3);

        assertThat(rows("UpdateReminder")).isEqualTo(6);
        assertThat(count("SELECT count(*) FROM update_reminders")).isEqualTo(6);
    }

    @ParameterizedTest(name = "on {0}")
    @MethodSource(SharedStore.KINDS)
    void closeReminder_isQueuedByOneProcess(StoreKind kind) throws Exception {
        open(kind);
        Database first = processes.get(0);
        Incident incident = declareWithChannel(first, "Payments failing", Severity.SEV4);
        incidents(first).resolve("C0INC" + incident.id(), "U0LEAD", "Rolled back");
        clock.advance(Reminders.CLOSE_AFTER.plusMinutes(1));

        assertThat(sum(together(database -> () -> reminders(database).remindDue()))).isEqualTo(1);

        assertThat(rows("CloseReminder")).isEqualTo(1);
    }

    @ParameterizedTest(name = "on {0}")
    @MethodSource(SharedStore.KINDS)
    void appHomeRefresh_askedByEveryProcessAtOnce_waitsOnce(StoreKind kind) throws Exception {
        open(kind);

        List<Boolean> queued = together(database -> () -> database.inTransaction(
                s -> HomeRefresh.now("U0AMY").queue(s, clock.instant())));

        assertThat(queued).containsOnlyOnce(true);
        assertThat(rows("HomeRefresh")).isEqualTo(1);
    }

    /** Runs {@code check} once in each process, all released at the same instant; their answers. */
    private <T> List<T> together(Function<Database, Callable<T>> check) throws Exception {
        CyclicBarrier start = new CyclicBarrier(PROCESSES);
        List<Future<T>> runs = new ArrayList<>();
        for (Database database : processes) {
            Callable<T> own = check.apply(database); // built before the barrier, as a process has its timer already
            runs.add(pool.submit(() -> {
                start.await(10, TimeUnit.SECONDS);
                return own.call();
            }));
        }
        List<T> answers = new ArrayList<>();
        for (Future<T> run : runs) {
            answers.add(run.get(30, TimeUnit.SECONDS));
        }
        return answers;
    }

    private Reminders reminders(Database database) {
        return new Reminders(database, clock, ReminderSchedule.defaults());
    }

    private IncidentService incidents(Database database) {
        return new IncidentService(database, clock, IncidentNotifier.waking(() -> { }), new RotationPicker());
    }

    private Incident declareWithChannel(Database database, String title, Severity severity) {
        Incident incident = incidents(database).declare(new Declaration(title, null, severity, false, false, "U0LEAD",
                "command:" + title, "C0GENERAL")).incident();
        database.inTransaction(s -> s.incidents().attachChannel(incident.id(), "C0INC" + incident.id(),
                "inc-" + incident.id()));
        return incident;
    }

    private int rows(String type) {
        return processes.get(0).jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM outbox WHERE type = :type")
                .bind("type", type).mapTo(Integer.class).one());
    }

    private int count(String query) {
        return processes.get(0).jdbi().withHandle(h -> h.createQuery(query).mapTo(Integer.class).one());
    }

    private static int sum(List<Integer> counts) {
        return counts.stream().mapToInt(Integer::intValue).sum();
    }
}
