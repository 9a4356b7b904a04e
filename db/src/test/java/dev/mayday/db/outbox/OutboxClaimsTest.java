package dev.mayday.db.outbox;

import dev.mayday.db.Database;
import dev.mayday.db.StoreKind;
import dev.mayday.db.StoreTest;
import dev.mayday.db.TestStores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Claims with a lease, on each kind of store: lane heads only, a live claim kept, a dead one taken over, stale writes ignored. */
class OutboxClaimsTest {

    private static final String A = "host-1-aaaa";
    private static final String B = "host-2-bbbb";

    @TempDir
    Path dir;
    TestStores.OpenStore opened;
    Database db;

    @AfterEach
    void close() {
        if (opened != null) {
            opened.close();
        }
    }

    private void open(StoreKind kind) {
        opened = TestStores.open(kind, dir);
        db = opened.database();
    }

    private long enqueue(String lane, long at) {
        db.inTransaction(store -> store.outbox().enqueue("PagerNote", "{}", lane, null, null, false, at));
        return db.read(store -> store.outbox().waitingAfter(lane, 0)).stream().mapToLong(OutboxRow::id).max()
                .orElseThrow();
    }

    private List<OutboxRow> claim(String owner, long now, long leaseUntil) {
        return db.inTransactionUnderRowLocks(store -> store.outboxClaims().claim(owner, now, leaseUntil, 100));
    }

    /** Whether the guarded write changed the row; typed so that assertThat picks its boolean overload. */
    private boolean ended(Database.StoreWork<Boolean> write) {
        return db.inTransactionUnderRowLocks(write);
    }

    private OutboxRow row(long id) {
        return db.read(store -> store.outbox().byId(id)).orElseThrow();
    }

    @StoreTest
    void aClaim_takesTheDueHeadOfEachLane_countsTheAttempt_andNamesItsOwner(StoreKind kind) {
        open(kind);
        long first = enqueue("lane/1", 10);
        enqueue("lane/1", 10);
        long other = enqueue("lane/2", 10);
        enqueue("lane/3", 500);

        List<OutboxRow> claimed = claim(A, 100, 30_100);

        assertThat(claimed).extracting(OutboxRow::id).containsExactly(first, other);
        assertThat(claimed).extracting(OutboxRow::attempts).containsOnly(1);
        assertThat(row(first).attempts()).isEqualTo(1);
        assertThat(claim(A, 200, 30_200)).as("its own live claims are not claimed again, nor the rows behind them")
                .isEmpty();
    }

    @StoreTest
    void whenTheHeadIsDone_theNextRowOfItsLaneIsClaimed(StoreKind kind) {
        open(kind);
        long first = enqueue("lane/1", 10);
        long second = enqueue("lane/1", 10);
        OutboxRow head = claim(A, 100, 30_100).get(0);

        assertThat(ended(store -> store.outboxClaims().markDone(Claim.of(head, A), 150)))
                .isTrue();

        assertThat(claim(B, 200, 30_200)).extracting(OutboxRow::id).containsExactly(second);
        assertThat(row(first).state()).isEqualTo(OutboxRow.DONE);
    }

    @StoreTest
    void onPostgres_anotherProcessesLiveClaim_holdsTheWholeLane(StoreKind kind) {
        open(kind);
        enqueue("lane/1", 10);
        enqueue("lane/1", 10);
        claim(A, 100, 30_100);

        List<OutboxRow> byB = claim(B, 200, 30_200);

        if (kind == StoreKind.POSTGRESQL) {
            assertThat(byB).isEmpty();
        } else {
            // one process only (the lock file): another owner's claim was left by a stopped process
            assertThat(byB).extracting(OutboxRow::attempts).containsExactly(2);
        }
    }

    @StoreTest
    void aClaimWhoseLeaseRanOut_isTakenOver_andTheStaleOwnersWritesChangeNothing(StoreKind kind) {
        open(kind);
        long id = enqueue("lane/1", 10);
        Claim stale = Claim.of(claim(A, 100, 1_000).get(0), A);

        List<OutboxRow> taken = claim(B, 1_000, 31_000);
        Claim current = Claim.of(taken.get(0), B);

        assertThat(taken).extracting(OutboxRow::id, OutboxRow::attempts).containsExactly(
                org.assertj.core.groups.Tuple.tuple(id, 2));
        assertThat(ended(store -> store.outboxClaims().renew(stale, 60_000))).isFalse();
        assertThat(ended(store -> store.outboxClaims().recordResult(stale, "stale")))
                .isFalse();
        assertThat(ended(store -> store.outboxClaims().markFailed(stale, 1_100, "late")))
                .isFalse();
        assertThat(row(id).state()).isEqualTo(OutboxRow.PENDING);
        assertThat(ended(store -> store.outboxClaims().markDone(current, 1_200))).isTrue();
        assertThat(row(id)).extracting(OutboxRow::state, OutboxRow::result, OutboxRow::lastError)
                .containsExactly(OutboxRow.DONE, null, null);
        assertThat(ended(store -> store.outboxClaims().markDone(stale, 1_300))).isFalse();
    }

    @StoreTest
    void aRetryLater_letsTheClaimGo_untilTheRowIsDueAgain(StoreKind kind) {
        open(kind);
        long id = enqueue("lane/1", 10);
        Claim claim = Claim.of(claim(A, 100, 30_100).get(0), A);

        assertThat(ended(store -> store.outboxClaims().retryLater(claim, 5_000, "later")))
                .isTrue();

        assertThat(claim(B, 4_999, 34_999)).isEmpty();
        assertThat(claim(B, 5_000, 35_000)).extracting(OutboxRow::id, OutboxRow::attempts)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(id, 2));
    }

    @StoreTest
    void aReleasedClaim_uncountsItsAttempt(StoreKind kind) {
        open(kind);
        long id = enqueue("lane/1", 10);
        Claim claim = Claim.of(claim(A, 100, 30_100).get(0), A);

        assertThat(ended(store -> store.outboxClaims().release(claim))).isTrue();

        assertThat(claim(B, 200, 30_200)).extracting(OutboxRow::id, OutboxRow::attempts)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(id, 1));
    }

    @StoreTest
    void aRowItsOwnerIsStillDelivering_isNotClaimedByItAgain_whenItsLeaseRanOut(StoreKind kind) {
        open(kind);
        long id = enqueue("lane/1", 10);
        claim(A, 100, 1_000);

        List<OutboxRow> again = db.inTransactionUnderRowLocks(store -> store.outboxClaims()
                .claim(A, 1_000, 31_000, 100, java.util.Set.of(id)));

        assertThat(again).isEmpty();
        assertThat(row(id).attempts()).isEqualTo(1);
        assertThat(claim(B, 1_000, 31_000)).as("another process takes it over").extracting(OutboxRow::attempts)
                .containsExactly(2);
    }
}
