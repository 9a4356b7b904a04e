package dev.mayday.digest;

import dev.mayday.db.Database;
import dev.mayday.support.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Exactly-once bookkeeping of the weekly digest over a temp SQLite file. */
class DigestLedgerTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final IsoWeek W47 = IsoWeek.parse("2026-W47");
    /** Monday 23 November 2026, 09:00 CET: W47's slot. */
    private static final Instant SLOT = Instant.parse("2026-11-23T08:00:00Z");

    @TempDir
    Path dir;
    private Database database;
    private TestClock clock;
    private DigestLedger ledger;

    @BeforeEach
    void open() {
        database = Database.open("jdbc:sqlite:" + dir.resolve("mayday.db"));
        clock = new TestClock(SLOT);
        ledger = new DigestLedger(database, clock);
    }

    @Test
    void claim_from8ThreadsAtOnce_isWonByExactlyOne() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> claims = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                // a ledger each, as separate timers or processes would have
                DigestLedger own = new DigestLedger(database, clock);
                claims.add(pool.submit(() -> {
                    start.await();
                    return own.claim(W47);
                }));
            }
            start.countDown();
            int won = 0;
            for (Future<Boolean> claim : claims) {
                won += claim.get() ? 1 : 0;
            }
            assertThat(won).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(ledger.state(W47)).hasValueSatisfying(r -> assertThat(r.state()).isEqualTo(DigestState.INTENT));
    }

    @Test
    void recordPosted_keepsTheFirstMessage_andLastPostedShowsIt() {
        assertThat(ledger.claim(W47)).isTrue();
        clock.advance(Duration.ofSeconds(2));

        assertThat(ledger.recordPosted(W47, "C0DIGEST", "1700000000.000100")).isTrue();
        assertThat(ledger.recordPosted(W47, "C0DIGEST", "1700000000.000999")).isFalse();

        assertThat(ledger.state(W47)).contains(new DigestRecord(W47, DigestState.POSTED, "C0DIGEST",
                "1700000000.000100", SLOT, SLOT.plusSeconds(2), null));
        assertThat(ledger.lastPosted()).map(DigestRecord::week).contains(W47);
        assertThat(ledger.unfinished()).isEmpty();
        assertThat(ledger.claim(W47)).isFalse();
    }

    @Test
    void recordPosted_withoutAClaim_isABug() {
        assertThatThrownBy(() -> ledger.recordPosted(W47, "C0DIGEST", "1.1"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("2026-W47");
    }

    @Test
    void missedSlot_theNextStartFindsTheWeekDue_once() {
        DigestSchedule schedule = DigestSchedule.parse("MON 09:00", BERLIN);
        clock.advance(Duration.ofDays(1).plusHours(3)); // down over the slot, back on Tuesday

        DigestTurns.Turn first = new DigestTurns(schedule, ledger, clock, Duration.ofMinutes(10)).next();
        assertThat(first.action()).isEqualTo(DigestTurns.Action.POST);
        assertThat(first.week()).isEqualTo(W47);
        ledger.recordPosted(W47, "C0DIGEST", "1.1");

        clock.advance(Duration.ofHours(1)); // restarted again
        DigestTurns.Turn again = new DigestTurns(schedule, ledger, clock, Duration.ofMinutes(10)).next();
        assertThat(again.action()).isEqualTo(DigestTurns.Action.NOTHING);
        assertThat(again.record()).map(DigestRecord::isPosted).contains(true);
    }

    @Test
    void beforeTheSlot_thePreviousWeekIsDue_andItIsPostedAlready() {
        DigestSchedule schedule = DigestSchedule.parse("MON 09:00", BERLIN);
        IsoWeek w46 = IsoWeek.parse("2026-W46");
        ledger.claim(w46);
        ledger.recordPosted(w46, "C0DIGEST", "1.1");
        clock.advance(Duration.ofMinutes(-1));

        DigestTurns.Turn turn = new DigestTurns(schedule, ledger, clock, Duration.ofMinutes(10)).next();

        assertThat(turn.week()).isEqualTo(w46);
        assertThat(turn.action()).isEqualTo(DigestTurns.Action.NOTHING);
    }

    @Test
    void crashBetweenPostingAndRecording_isReconciledByOneRestart_afterTheIntentIsStale() {
        DigestSchedule schedule = DigestSchedule.parse("MON 09:00", BERLIN);
        DigestTurns turns = new DigestTurns(schedule, ledger, clock, Duration.ofMinutes(10));
        assertThat(turns.next().action()).isEqualTo(DigestTurns.Action.POST);
        // ... posted to Slack, then the process died before recordPosted.

        clock.advance(Duration.ofMinutes(1)); // a second timer while the first post may still be under way
        assertThat(turns.next().action()).isEqualTo(DigestTurns.Action.NOTHING);

        clock.advance(Duration.ofMinutes(30)); // restarted, two processes at once
        DigestTurns.Turn one = new DigestTurns(schedule, new DigestLedger(database, clock), clock,
                Duration.ofMinutes(10)).next();
        DigestTurns.Turn other = new DigestTurns(schedule, new DigestLedger(database, clock), clock,
                Duration.ofMinutes(10)).next();

        assertThat(List.of(one.action(), other.action()))
                .containsExactlyInAnyOrder(DigestTurns.Action.RECONCILE, DigestTurns.Action.NOTHING);
        DigestTurns.Turn reconcile = one.action() == DigestTurns.Action.RECONCILE ? one : other;
        assertThat(reconcile.week()).isEqualTo(W47);
        assertThat(reconcile.record()).hasValueSatisfying(r -> {
            assertThat(r.intentAt()).isEqualTo(SLOT); // the search for the tagged message starts here
            assertThat(r.takenOverAt()).isEqualTo(SLOT.plus(Duration.ofMinutes(31)));
        });
        assertThat(ledger.unfinished()).extracting(DigestRecord::week).containsExactly(W47);
        assertThat(DigestLedger.tag(W47)).isEqualTo("mayday-digest-2026-W47");

        ledger.recordPosted(W47, "C0DIGEST", "found.in.history");
        assertThat(turns.next().action()).isEqualTo(DigestTurns.Action.NOTHING);
    }
}
