package dev.mayday.digest;

import dev.mayday.db.Database;
import dev.mayday.db.Migrations;
import dev.mayday.db.StoreKind;
import dev.mayday.db.outbox.OutboxRow;
import dev.mayday.support.TestClock;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** The weekly digest is queued once per ISO week, through the outbox row's uniqueness, over a temp SQLite file. */
class WeeklyDigestsTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final DigestSchedule SCHEDULE = DigestSchedule.parse("MON 09:00", BERLIN);
    private static final IsoWeek W47 = IsoWeek.parse("2026-W47");
    /** Monday 23 November 2026, 09:00 CET: W47's slot. */
    private static final Instant SLOT = Instant.parse("2026-11-23T08:00:00Z");
    /** The store's first start: a Monday some weeks before W47, in W45. */
    private static final Instant CREATED = Instant.parse("2026-11-02T10:00:00Z");

    @TempDir
    Path dir;
    private Database database;
    private TestClock clock;

    @BeforeEach
    void open() {
        database = Database.open("jdbc:sqlite:" + dir.resolve("mayday.db"));
        clock = new TestClock(SLOT);
        new StoreOrigin(database).existedAt(CREATED); // as a first start at that time leaves it
    }

    @AfterEach
    void close() {
        database.close();
    }

    private WeeklyDigests timer() {
        return new WeeklyDigests(SCHEDULE, database, clock, () -> { });
    }

    /** As if the store had been created at {@code at} (a start only ever lowers it). */
    private void storeCreatedAt(Instant at) {
        database.jdbi().useHandle(h -> h.execute("UPDATE store_origin SET created_at = ?", at.toEpochMilli()));
    }

    private void moveTo(Instant at) {
        clock.advance(Duration.between(clock.instant(), at));
    }

    private List<String> queuedWeeks() {
        return database.read(store -> store.outbox().ofType("WeeklyDigest")).stream().map(OutboxRow::uniqueKey)
                .toList();
    }

    @Test
    void queueDue_from8TimersAtOnce_isWonByExactlyOne() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Optional<IsoWeek>>> tries = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                WeeklyDigests own = timer(); // one each, as separate timers or processes would have
                tries.add(pool.submit(() -> {
                    start.await();
                    return own.queueDue();
                }));
            }
            start.countDown();
            int won = 0;
            for (Future<Optional<IsoWeek>> attempt : tries) {
                won += attempt.get().isPresent() ? 1 : 0;
            }
            assertThat(won).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(queuedWeeks()).containsExactly("weekly-digest/2026-W47");
    }

    @Test
    void missedSlot_theNextStartQueuesTheWeek_once() {
        clock.advance(Duration.ofDays(1).plusHours(3)); // down over the slot, back on Tuesday

        assertThat(timer().queueDue()).contains(W47);
        clock.advance(Duration.ofHours(1)); // restarted again
        assertThat(timer().queueDue()).isEmpty();

        assertThat(queuedWeeks()).containsExactly("weekly-digest/2026-W47");
    }

    @Test
    void beforeTheSlot_thePreviousWeekIsDue_andOnceQueuedItIsNotQueuedAgain() {
        clock.advance(Duration.ofMinutes(-1));
        assertThat(timer().queueDue()).contains(IsoWeek.parse("2026-W46"));
        assertThat(timer().queueDue()).isEmpty();

        clock.advance(Duration.ofMinutes(1));
        assertThat(timer().queueDue()).contains(W47);
        assertThat(queuedWeeks()).containsExactly("weekly-digest/2026-W46", "weekly-digest/2026-W47");
    }

    @Test
    void ledger_keepsTheFirstRecordOfAWeek_andLastPostedShowsTheLatest() {
        DigestLedger ledger = new DigestLedger(database, clock);
        assertThat(ledger.recordPosted(IsoWeek.parse("2026-W46"), "C0DIGEST", "1.1")).isTrue();
        assertThat(ledger.recordPosted(W47, "C0DIGEST", "1700000000.000100")).isTrue();
        assertThat(ledger.recordPosted(W47, "C0DIGEST", "1700000000.000999")).isFalse();

        assertThat(ledger.posted(W47)).contains(new DigestRecord(W47, "C0DIGEST", "1700000000.000100", SLOT));
        assertThat(ledger.lastPosted()).map(DigestRecord::week).contains(W47);
    }

    @Test
    void queueDue_forAWeekThatEndedBeforeTheStoreWasCreated_queuesNothing_andTheStoresFirstWeekIsQueued() {
        // created on Tuesday of W49, after W48's slot: a first start with DIGEST_CHANNEL set
        storeCreatedAt(Instant.parse("2026-12-01T10:00:00Z"));
        moveTo(Instant.parse("2026-12-01T10:00:00Z"));

        assertThat(timer().queueDue()).as("W48 ended before the store existed").isEmpty();

        moveTo(Instant.parse("2026-12-07T08:00:00Z")); // Monday of W50, 09:00 in Berlin
        assertThat(timer().queueDue()).contains(IsoWeek.parse("2026-W49"));
        assertThat(queuedWeeks()).containsExactly("weekly-digest/2026-W49");
    }

    @Test
    void queueDue_aWeekEndingTheMomentTheStoreWasCreated_isNotQueued_butOneEndingAMillisecondLaterIs() {
        Instant w47Ends = W47.end(BERLIN); // Monday 23 November 00:00 in Berlin
        storeCreatedAt(w47Ends);
        moveTo(w47Ends.plus(Duration.ofDays(1)));
        assertThat(timer().queueDue()).isEmpty();

        new StoreOrigin(database).existedAt(w47Ends.minusMillis(1));
        assertThat(timer().queueDue()).contains(W47);
    }

    @Test
    void storeOrigin_isLoweredByAnEarlierStart_andNeverRaised() {
        StoreOrigin origin = new StoreOrigin(database);
        origin.existedAt(CREATED.plus(Duration.ofDays(30)));
        assertThat(origin.createdAt()).contains(CREATED);

        origin.existedAt(CREATED.minusSeconds(1));
        assertThat(origin.createdAt()).contains(CREATED.minusSeconds(1));
    }

    @Test
    void storeOrigin_ofANewStore_isWhenItsFirstMigrationRan() {
        Instant before = Instant.now().minusSeconds(1); // Flyway's stamp has milliseconds; rounding spares one second
        try (Database fresh = Database.open("jdbc:sqlite:" + dir.resolve("fresh.db"))) {
            Instant after = Instant.now().plusSeconds(1);
            assertThat(new StoreOrigin(fresh).createdAt()).hasValueSatisfying(created ->
                    assertThat(created).isBetween(before, after));
        }
    }

    @Test
    void storeOrigin_ofAStoreUpgradedToV021_isWhenItsFirstMigrationRan_longBefore() {
        String url = "jdbc:sqlite:" + dir.resolve("old.db");
        Flyway.configure().dataSource(url, "", "").locations(Migrations.locations(StoreKind.SQLITE)).target("19").load().migrate();
        Jdbi.create(url).useHandle(h -> h.execute(
                "UPDATE flyway_schema_history SET installed_on = '2026-01-05 10:00:00.250' WHERE version = '001'"));

        try (Database upgraded = Database.open(url)) {
            assertThat(new StoreOrigin(upgraded).createdAt()).contains(Instant.parse("2026-01-05T10:00:00.250Z"));
        }
    }
}
