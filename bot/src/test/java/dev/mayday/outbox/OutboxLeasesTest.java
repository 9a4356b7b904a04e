package dev.mayday.outbox;

import dev.mayday.db.Database;
import dev.mayday.db.outbox.Claim;
import dev.mayday.db.outbox.OutboxRow;
import dev.mayday.support.TestClock;
import dev.mayday.support.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * Several processes delivering one outbox (issue 14): two {@link Outbox}es, each with its own identity and its own
 * {@link Database} (its own pool) on one PostgreSQL database, and a claim left by a process that died.
 */
class OutboxLeasesTest {

    private static final int INCIDENTS = 30;
    private static final int NOTES_EACH = 10;

    @TempDir
    Path dir;

    private final List<AutoCloseable> opened = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (int i = opened.size() - 1; i >= 0; i--) {
            opened.get(i).close();
        }
    }

    @Test
    void twoProcessesOnOnePostgresDatabase_deliverEachRowOnce_andKeepEachLaneInOrder() throws Exception {
        String url = scratchPostgres();
        Database first = open(url);
        Database second = open(url);
        List<String> delivered = new CopyOnWriteArrayList<>();
        Map<String, AtomicInteger> inFlightPerLane = new ConcurrentHashMap<>();
        List<String> overlaps = new CopyOnWriteArrayList<>();
        Map<String, AtomicInteger> byProcess = new ConcurrentHashMap<>();
        for (long incident = 1; incident <= INCIDENTS; incident++) {
            TypedOutboxMigrationTest.insertIncident(first.jdbi(), incident);
        }
        Outbox one = start(first, "one", delivered, inFlightPerLane, overlaps, byProcess);
        Outbox two = start(second, "two", delivered, inFlightPerLane, overlaps, byProcess);

        // queued in many small transactions while both deliver, as requests would
        for (int note = 1; note <= NOTES_EACH; note++) {
            int n = note;
            for (long incident = 1; incident <= INCIDENTS; incident++) {
                long id = incident;
                (incident % 2 == 0 ? first : second).inTransaction(store -> {
                    Publications.enqueue(store, new PagerNote(id, "U0ALEX", "n" + n), Clock.systemUTC().instant());
                    return null;
                });
            }
            one.wake();
            two.wake();
        }

        assertThat(one.awaitIdle(60, TimeUnit.SECONDS)).isTrue();
        assertThat(two.awaitIdle(60, TimeUnit.SECONDS)).isTrue();
        assertThat(delivered).hasSize(INCIDENTS * NOTES_EACH).doesNotHaveDuplicates();
        assertThat(overlaps).as("two rows of one lane in flight at once").isEmpty();
        for (long incident = 1; incident <= INCIDENTS; incident++) {
            String prefix = incident + ":";
            assertThat(delivered).filteredOn(d -> d.startsWith(prefix)).containsExactlyElementsOf(
                    java.util.stream.IntStream.rangeClosed(1, NOTES_EACH).mapToObj(n -> prefix + "n" + n).toList());
        }
        List<OutboxRow> rows = first.read(store -> store.outbox().ofType("PagerNote"));
        assertThat(rows).extracting(OutboxRow::state).containsOnly(OutboxRow.DONE);
        assertThat(rows).extracting(OutboxRow::attempts).containsOnly(1);
        assertThat(byProcess).as("both processes delivered").containsKeys("one", "two");
    }

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"sqlite", "postgresql"})
    void aClaimLeftByAProcessThatDied_isTakenOverWhenItsLeaseRunsOut_asARetry(String kind) throws Exception {
        Database database = open(kind.equals("sqlite") ? "jdbc:sqlite:" + dir.resolve("mayday.db") : scratchPostgres());
        TypedOutboxMigrationTest.insertIncident(database.jdbi(), 1);
        database.inTransaction(store -> {
            Publications.enqueue(store, new PagerNote(1, "U0ALEX", "first"), Clock.systemUTC().instant());
            Publications.enqueue(store, new PagerNote(1, "U0ALEX", "second"), Clock.systemUTC().instant());
            return null;
        });
        long now = Clock.systemUTC().millis();
        // the dead process claimed the lane's head, recorded what it did, and never finished
        List<OutboxRow> claimed = database.inTransactionUnderRowLocks(store -> store.outboxClaims()
                .claim("dead-host-1-0000", now, now + 300, 10));
        assertThat(claimed).hasSize(1);
        database.inTransactionUnderRowLocks(store -> store.outboxClaims().recordResult(
                dev.mayday.db.outbox.Claim.of(claimed.get(0), "dead-host-1-0000"), "PNOTE1"));
        List<String> seen = new CopyOnWriteArrayList<>();
        Outbox outbox = new Outbox(database, new Deliveries().on(PagerNote.class, (note, attempt) ->
                seen.add(note.text() + "/" + attempt.isRetry() + "/" + attempt.result().orElse("-"))),
                Clock.systemUTC(), ProcessIdentity.random(), 2);
        opened.add(outbox);
        outbox.start();

        assertThat(outbox.awaitIdle(20, TimeUnit.SECONDS)).isTrue();
        assertThat(seen).containsExactly("first/true/PNOTE1", "second/false/-");
        List<OutboxRow> rows = database.read(store -> store.outbox().forIncident(1));
        assertThat(rows).extracting(OutboxRow::state,
                OutboxRow::attempts).containsExactly(org.assertj.core.groups.Tuple.tuple(OutboxRow.DONE, 2),
                org.assertj.core.groups.Tuple.tuple(OutboxRow.DONE, 1));
    }

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"sqlite", "postgresql"})
    void aRowWhoseLeaseRanOutWhileThisProcessStillDeliversIt_isNotClaimedByThisProcessAgain(String kind)
            throws Exception {
        Database database = open(kind.equals("sqlite") ? "jdbc:sqlite:" + dir.resolve("mayday.db") : scratchPostgres());
        TypedOutboxMigrationTest.insertIncident(database.jdbi(), 1);
        TypedOutboxMigrationTest.insertIncident(database.jdbi(), 2);
        TestClock clock = new TestClock(Clock.systemUTC().instant());
        enqueue(database, new PagerNote(1, "U0ALEX", "slow"), clock);
        CountDownLatch slowStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch otherDelivered = new CountDownLatch(1);
        AtomicInteger slowTries = new AtomicInteger();
        Outbox outbox = new Outbox(database, new Deliveries().on(PagerNote.class, (note, attempt) -> {
            if (note.incidentId() == 1) {
                slowTries.incrementAndGet();
                slowStarted.countDown();
                awaitQuietly(release);
            } else {
                otherDelivered.countDown();
            }
        }), clock, ProcessIdentity.random(), 3);
        opened.add(outbox);
        outbox.start();
        assertThat(slowStarted.await(20, TimeUnit.SECONDS)).isTrue();

        // the renewals failed for longer than the lease (a store hiccup, a GC pause): the row's lease has run out
        clock.advance(LeaseKeeper.LEASE.plusSeconds(1));
        enqueue(database, new PagerNote(2, "U0ALEX", "other"), clock);
        outbox.wake();
        assertThat(otherDelivered.await(20, TimeUnit.SECONDS)).isTrue();

        // the claim that took the other row would have taken the lapsed one in the same statement
        List<OutboxRow> slowRow = database.read(store -> store.outbox().forIncident(1));
        assertThat(slowRow).extracting(OutboxRow::attempts)
                .as("not claimed again by the process delivering it").containsExactly(1);
        release.countDown();
        assertThat(outbox.awaitIdle(20, TimeUnit.SECONDS)).isTrue();
        assertThat(slowTries).hasValue(1);
    }

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"sqlite", "postgresql"})
    void aClaimIsStillHeld_whileRenewed_andNotOnceItsLeaseRanOutOrARenewalFoundItTakenOver(String kind) {
        Database database = open(kind.equals("sqlite") ? "jdbc:sqlite:" + dir.resolve("mayday.db") : scratchPostgres());
        TypedOutboxMigrationTest.insertIncident(database.jdbi(), 1);
        TestClock clock = new TestClock(Clock.systemUTC().instant());
        enqueue(database, new PagerNote(1, "U0ALEX", "note"), clock);
        long now = clock.millis();
        Claim mine = Claim.of(database.inTransactionUnderRowLocks(store -> store.outboxClaims()
                .claim("this-host", now, now + LeaseKeeper.LEASE.toMillis(), 10)).get(0), "this-host");
        LeaseKeeper leases = new LeaseKeeper(database, clock); // renewed by hand here, never on a timer
        opened.add(leases);
        leases.hold(mine);

        clock.advance(LeaseKeeper.LEASE.minusSeconds(5));
        leases.renew();
        clock.advance(Duration.ofSeconds(10));
        assertThat(leases.holds(mine)).as("renewed").isTrue();
        clock.advance(LeaseKeeper.LEASE);
        assertThat(leases.holds(mine)).as("the last renewed lease ran out").isFalse();
        leases.renew();
        assertThat(leases.holds(mine)).as("renewed again, nobody having taken it").isTrue();

        database.jdbi().useHandle(h -> h.execute(
                "UPDATE outbox SET claimed_by = 'other-host', attempts = attempts + 1 WHERE id = ?", mine.id()));
        leases.renew();
        assertThat(leases.holds(mine)).as("taken over").isFalse();
    }

    @Test
    void aDeliveryAsks_whetherItsRowIsStillClaimed() throws Exception {
        Database database = open("jdbc:sqlite:" + dir.resolve("mayday.db"));
        TypedOutboxMigrationTest.insertIncident(database.jdbi(), 1);
        TestClock clock = new TestClock(Clock.systemUTC().instant());
        enqueue(database, new PagerNote(1, "U0ALEX", "note"), clock);
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<Boolean> stillClaimed = new CopyOnWriteArrayList<>();
        Outbox outbox = new Outbox(database, new Deliveries().on(PagerNote.class, (note, attempt) -> {
            stillClaimed.add(attempt.isStillClaimed());
            started.countDown();
            awaitQuietly(release);
            stillClaimed.add(attempt.isStillClaimed());
        }), clock, ProcessIdentity.random(), 2);
        opened.add(outbox);
        outbox.start();
        assertThat(started.await(20, TimeUnit.SECONDS)).isTrue();

        clock.advance(LeaseKeeper.LEASE.plusSeconds(1)); // no renewal within the lease
        release.countDown();

        assertThat(outbox.awaitIdle(20, TimeUnit.SECONDS)).isTrue();
        assertThat(stillClaimed).containsExactly(true, false);
    }

    private static void enqueue(Database database, Publication publication, Clock clock) {
        database.inTransaction(store -> {
            Publications.enqueue(store, publication, clock.instant());
            return null;
        });
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Outbox start(Database database, String name, List<String> delivered,
                         Map<String, AtomicInteger> inFlightPerLane, List<String> overlaps,
                         Map<String, AtomicInteger> byProcess) {
        Outbox outbox = new Outbox(database, new Deliveries().on(PagerNote.class, (note, attempt) -> {
            String lane = note.lane().name();
            if (inFlightPerLane.computeIfAbsent(lane, l -> new AtomicInteger()).incrementAndGet() > 1) {
                overlaps.add(lane + " " + note.text());
            }
            Thread.yield();
            delivered.add(note.incidentId() + ":" + note.text());
            byProcess.computeIfAbsent(name, n -> new AtomicInteger()).incrementAndGet();
            inFlightPerLane.get(lane).decrementAndGet();
        }), Clock.systemUTC(), ProcessIdentity.random(), 4);
        opened.add(outbox);
        outbox.start();
        return outbox;
    }

    private Database open(String url) {
        Database database = Database.open(url);
        opened.add(database);
        return database;
    }

    private String scratchPostgres() {
        assumeThat(TestPostgres.server()).as("a PostgreSQL server to run on (see TestPostgres)").isPresent();
        TestPostgres.Scratch scratch = TestPostgres.server().orElseThrow().createDatabase();
        opened.add(scratch);
        return scratch.url();
    }
}
