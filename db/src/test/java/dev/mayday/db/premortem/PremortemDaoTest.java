package dev.mayday.db.premortem;

import dev.mayday.db.Database;
import dev.mayday.db.StoreKind;
import dev.mayday.db.StoreTest;
import dev.mayday.db.TestStores;
import dev.mayday.db.incident.IncidentRow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Pre-mortems on every store: numbers given by the store, idempotent opening, risks once per 📌, links replaced. */
class PremortemDaoTest {

    @TempDir
    Path dir;
    TestStores.OpenStore opened;
    Database db;

    private int write(Database.StoreWork<Integer> work) {
        return db.inTransaction(work);
    }

    private int count(Database.StoreWork<Integer> work) {
        return db.read(work);
    }

    @AfterEach
    void close() {
        if (opened != null) {
            opened.close();
        }
    }

    @StoreTest
    void open_numbersFromOne_onceperRequestKey_andRisksNumberPerPremortem(StoreKind kind) {
        opened = TestStores.open(kind, dir);
        db = opened.database();

        assertThat(write(store -> store.premortems().open("Migrate checkout", "U1", 1_000L, "k1", true)))
                .isEqualTo(1);
        assertThat(write(store -> store.premortems().open("Migrate checkout", "U1", 1_000L, "k1", true)))
                .isZero();
        assertThat(write(store -> store.premortems().open("Rotate keys", "U2", 2_000L, "k2", false)))
                .isEqualTo(1);
        assertThat(db.read(store -> store.premortems().byRequestKey("k2")).orElseThrow().id()).isEqualTo(2);
        assertThat(db.read(store -> store.premortems().byId(1)).orElseThrow().isPrivate()).isTrue();

        db.inTransaction(store -> store.premortems().addRisk(1, "tokens lost", "U3", "U1", 1_100L, null));
        db.inTransaction(store -> store.premortems().addRisk(1, "pinned", null, "U1", 1_200L, "1.2"));
        assertThat(write(store -> store.premortems().addRisk(1, "pinned", null, "U1", 1_300L, "1.2")))
                .as("the same message pinned again").isZero();
        db.inTransaction(store -> store.premortems().addRisk(2, "other", null, "U2", 2_100L, null));
        assertThat(write(store -> store.premortems().mitigate(1, 2, "dry run"))).isEqualTo(1);
        assertThat(write(store -> store.premortems().mitigate(1, 9, "dry run"))).isZero();

        List<RiskRow> risks = db.read(store -> store.premortems().risks(1));
        assertThat(risks).extracting(RiskRow::number).containsExactly(1, 2);
        assertThat(risks.get(1).mitigation()).isEqualTo("dry run");
        List<RiskRow> others = db.read(store -> store.premortems().risks(2));
        assertThat(others).extracting(RiskRow::number).containsExactly(1);

        assertThat(write(store -> store.premortems().close(1, 5_000L, "U1"))).isEqualTo(1);
        assertThat(write(store -> store.premortems().close(1, 6_000L, "U1"))).isZero();
        List<PremortemRow> recent = db.read(store -> store.premortems().openOrClosedSince(5_500L));
        assertThat(recent).extracting(PremortemRow::id).containsExactly(2L);
        assertThat(count(store -> store.premortems().openedBetween(0L, 1_500L))).isEqualTo(1);
    }

    @StoreTest
    void link_isReplacedByALaterOne_andCountsAsForeseenWithTheRiskThatHappened(StoreKind kind) {
        opened = TestStores.open(kind, dir);
        db = opened.database();
        long incident = db.inTransaction(store -> store.incidents().insertedIfNew(new IncidentRow(0, "Checkout down",
                null, "SEV2", "INVESTIGATING", false, false, IncidentRow.People.declarerLeads("U1"),
                IncidentRow.Times.declared(1_000L), null, "i1", IncidentRow.Place.declaredFrom("C0"), 1_000L))
                .orElseThrow().id());
        db.inTransaction(store -> store.premortems().open("Migrate checkout", "U1", 500L, "k1", false));

        db.inTransaction(store -> store.premortems().link(new PremortemLinkRow(incident, 1, null, false, "U1", 2_000L)));
        assertThat(count(store -> store.premortems().foreseenBetween(0L, 10_000L))).isZero();
        db.inTransaction(store -> store.premortems().link(new PremortemLinkRow(incident, 1, 2, true, "U1", 3_000L)));

        PremortemLinkRow link = db.read(store -> store.premortems().linkOf(incident)).orElseThrow();
        assertThat(link.happenedRisk()).isEqualTo(2);
        assertThat(link.rollbackUsed()).isTrue();
        assertThat(count(store -> store.premortems().foreseenBetween(0L, 10_000L))).isEqualTo(1);

        long drill = db.inTransaction(store -> store.incidents().insertedIfNew(new IncidentRow(0, "Checkout game day",
                null, "SEV2", "INVESTIGATING", false, true, IncidentRow.People.declarerLeads("U1"),
                IncidentRow.Times.declared(4_000L), null, "i2", IncidentRow.Place.declaredFrom("C0"), 4_000L))
                .orElseThrow().id());
        db.inTransaction(store -> store.premortems().link(new PremortemLinkRow(drill, 1, 1, false, "U1", 5_000L)));
        assertThat(count(store -> store.premortems().foreseenBetween(0L, 10_000L))).as("a drill is not an incident")
                .isEqualTo(1);
    }
}
