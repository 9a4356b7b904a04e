package dev.mayday.db;

import dev.mayday.db.incident.IncidentRow;
import dev.mayday.db.outbox.OutboxRow;
import dev.mayday.db.pagerduty.EarlyNote;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Round trips through the DAOs of the hot paths, which run plain JDBC statements: what goes in comes back out. */
class HotDaosTest {

    @TempDir
    Path dir;
    TestStores.OpenStore opened;
    Database db;

    void open(StoreKind kind) {
        opened = TestStores.open(kind, dir);
        db = opened.database();
    }

    @AfterEach
    void close() {
        if (opened != null) {
            opened.close();
        }
    }

    /** Typed by what the work returns, so that assertThat picks its overload. */
    private int written(Database.StoreWork<Integer> work) {
        return db.inTransaction(work);
    }

    private <T> Optional<T> found(Database.StoreWork<Optional<T>> work) {
        return db.read(work);
    }

    private <T> Optional<T> foundWriting(Database.StoreWork<Optional<T>> work) {
        return db.inTransaction(work);
    }

    private static IncidentRow incident(String originKey) {
        return new IncidentRow(0, "Checkout down", "p99 up", "SEV2", "INVESTIGATING", true, false,
                new IncidentRow.People("U1", "U2", "U3", "furthest behind"), IncidentRow.Times.declared(1_000L), null,
                originKey, IncidentRow.Place.declaredFrom("C0"), 1_000L);
    }

    @StoreTest
    void insertedIfNew_returnsTheStoredRow_once(StoreKind kind) {
        open(kind);
        IncidentRow stored = db.inTransaction(store -> store.incidents().insertedIfNew(incident("k1"))).orElseThrow();

        assertThat(stored.id()).isPositive();
        assertThat(stored).usingRecursiveComparison().ignoringFields("id").isEqualTo(incident("k1"));
        assertThat(foundWriting(store -> store.incidents().insertedIfNew(incident("k1")))).isEmpty();
        assertThat(found(store -> store.incidents().byOriginKey("k1"))).contains(stored);
    }

    @StoreTest
    void updateState_andChannel_comeBackByIdAndByChannel(StoreKind kind) {
        open(kind);
        long id = db.inTransaction(store -> store.incidents().insertedIfNew(incident("k1"))).orElseThrow().id();
        IncidentRow changed = new IncidentRow(id, "Checkout down", "p99 up", "SEV1", "RESOLVED", true, false,
                new IncidentRow.People("U1", "U4", null, null), new IncidentRow.Times(1_000L, 2_000L, 3_000L, null),
                "rolled back", "k1", IncidentRow.Place.declaredFrom("C0"), 3_000L);

        db.inTransaction(store -> store.incidents().updateState(changed));
        assertThat(written(store -> store.incidents().attachChannel(id, "C9", "inc-9"))).isEqualTo(1);
        assertThat(written(store -> store.incidents().attachChannel(id, "C8", "inc-8"))).isZero();

        IncidentRow read = db.read(store -> store.incidents().byChannel("C9")).orElseThrow();
        assertThat(read).usingRecursiveComparison().ignoringFields("place").isEqualTo(changed);
        assertThat(read.place().channelName()).isEqualTo("inc-9");
        assertThat(found(store -> store.incidents().byId(id))).contains(read);
        assertThat(found(store -> store.incidents().byChannel("C8"))).isEmpty();
    }

    @StoreTest
    void outbox_enqueueDueClaimDone_roundTrip(StoreKind kind) {
        open(kind);
        db.inTransaction(store -> store.outbox().enqueue("ChangePosted", "{}", "incident:1", null, null, false, 5L));
        int again = db.inTransaction(store -> store.outbox().enqueue("HomeRefresh", "{\"u\":1}", "home", null, "home:U1",
                true, 6L));
        int whileQueued = db.inTransaction(store -> store.outbox().enqueue("HomeRefresh", "{}", "home", null,
                "home:U1", true, 7L));

        List<OutboxRow> due = db.read(store -> store.outbox().due(10L, 10));
        assertThat(again).isEqualTo(1);
        assertThat(whileQueued).as("the key is held while queued").isZero();
        assertThat(due).extracting(OutboxRow::type, OutboxRow::lane, OutboxRow::incidentId, OutboxRow::nextAttemptAt)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ChangePosted", "incident:1", null, 5L),
                        org.assertj.core.groups.Tuple.tuple("HomeRefresh", "home", null, 6L));
        long home = due.get(1).id();

        assertThat(written(store -> store.outbox().claim(home))).isEqualTo(1);
        assertThat(found(store -> store.outbox().byId(home)).orElseThrow())
                .extracting(OutboxRow::attempts, OutboxRow::uniqueKey).containsExactly(1, null);
        db.inTransaction(store -> store.outbox().markDone(home, 20L));
        assertThat(found(store -> store.outbox().byId(home)).orElseThrow())
                .extracting(OutboxRow::state, OutboxRow::doneAt).containsExactly(OutboxRow.DONE, 20L);
        assertThat((int) db.read(store -> store.outbox().pendingCount())).isEqualTo(1);
        assertThat(found(store -> store.outbox().nextAttemptAt())).contains(5L);
        db.inTransaction(store -> store.outbox().markFailed(due.get(0).id(), 30L, "refused"));
        assertThat(found(store -> store.outbox().nextAttemptAt())).as("nothing pending").isEmpty();
    }

    @StoreTest
    void pagerDuty_eventsOnce_linkAndEarlyNotes(StoreKind kind) {
        open(kind);
        long id = db.inTransaction(store -> store.incidents().insertedIfNew(incident("k1"))).orElseThrow().id();

        assertThat(written(store -> store.pagerDuty().recordEvent("E1", "ANNOTATED", "PD1", 1L, 2L)))
                .isEqualTo(1);
        assertThat(written(store -> store.pagerDuty().recordEvent("E1", "ANNOTATED", "PD1", 1L, 3L)))
                .isZero();
        db.inTransaction(store -> store.pagerDuty().keepEarlyNote("E1", null, "look at the db"));
        db.inTransaction(store -> store.pagerDuty().link(id, "PD1", "https://pd/PD1"));

        assertThat(found(store -> store.pagerDuty().incidentFor("PD1"))).contains(id);
        assertThat(found(store -> store.pagerDuty().incidentFor("PD2"))).isEmpty();
        assertThat(found(store -> store.pagerDuty().pagerIdOf(id))).contains("PD1");
        assertThat(found(store -> store.pagerDuty().pagerSeverityOf(id))).as("NULL reads as empty").isEmpty();
        assertThat((List<EarlyNote>) db.read(store -> store.pagerDuty().earlyNotes("PD1")))
                .containsExactly(new EarlyNote(null, "look at the db"));
        assertThat(written(store -> store.pagerDuty().advance(id, 10L))).isEqualTo(1);
        assertThat(written(store -> store.pagerDuty().advance(id, 9L))).as("older").isZero();
    }

    @StoreTest
    void seenRequests_recordedUntilTheyExpire(StoreKind kind) {
        open(kind);
        db.inTransaction(store -> {
            store.seenRequests().record(List.of("d1", "d2", "d1"), 100L);
            return null;
        });

        assertThat((boolean) db.read(store -> store.seenRequests().isRecorded("d1", 100L))).isTrue();
        assertThat((boolean) db.read(store -> store.seenRequests().isRecorded("d3", 100L))).isFalse();
        assertThat((int) db.read(store -> store.seenRequests().count())).isEqualTo(2);
        assertThat(written(store -> store.seenRequests().prune(101L))).isEqualTo(2);
        assertThat((boolean) db.read(store -> store.seenRequests().isRecorded("d1", 50L))).isFalse();
    }
}
