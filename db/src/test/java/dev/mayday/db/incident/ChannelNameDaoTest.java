package dev.mayday.db.incident;

import dev.mayday.db.Database;
import dev.mayday.db.StoreKind;
import dev.mayday.db.StoreTest;
import dev.mayday.db.TestStores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Channel name claims, a SqlObject that binds flags: a boolean goes in and comes back as itself on every store. */
class ChannelNameDaoTest {

    @TempDir
    Path dir;
    TestStores.OpenStore opened;
    Database db;
    long incidentId;

    void open(StoreKind kind) {
        opened = TestStores.open(kind, dir);
        db = opened.database();
        incidentId = db.inTransaction(store -> store.incidents().insertedIfNew(new IncidentRow(0, "Checkout down",
                null, "SEV2", "INVESTIGATING", true, false, IncidentRow.People.declarerLeads("U1"),
                IncidentRow.Times.declared(1_000L), null, "k1", IncidentRow.Place.declaredFrom("C0"), 1_000L))
                .orElseThrow().id());
    }

    @AfterEach
    void close() {
        if (opened != null) {
            opened.close();
        }
    }

    private int claimed(String name, boolean isPrivate) {
        return db.inTransaction(store -> store.channelNames().claim(name, incidentId, isPrivate));
    }

    @StoreTest
    void claim_storesThePrivateFlag_andAClaimedNameOnce(StoreKind kind) {
        open(kind);

        assertThat(claimed("inc-private", true)).isEqualTo(1);
        assertThat(claimed("inc-public", false)).isEqualTo(1);
        assertThat(claimed("inc-private", false)).isZero();
        db.inTransaction(store -> store.channelNames().markTakenElsewhere("inc-public"));

        Optional<ChannelNameRow> privateName = db.read(store -> store.channelNames().byName("inc-private"));
        Optional<ChannelNameRow> publicName = db.read(store -> store.channelNames().byName("inc-public"));
        Optional<IncidentRow> incident = db.read(store -> store.incidents().byOriginKey("k1"));
        assertThat(privateName).hasValueSatisfying(row -> {
            assertThat(row.isPrivate()).isTrue();
            assertThat(row.takenElsewhere()).isFalse();
        });
        assertThat(publicName).hasValueSatisfying(row -> {
            assertThat(row.isPrivate()).isFalse();
            assertThat(row.takenElsewhere()).isTrue();
        });
        assertThat(incident).hasValueSatisfying(row ->
                assertThat(row.isPrivate()).isTrue());
    }
}
