package dev.mayday.db.rotation;

import dev.mayday.db.StoreTest;
import dev.mayday.db.TestStores;
import dev.mayday.db.StoreKind;
import org.junit.jupiter.api.AfterEach;
import dev.mayday.db.Database;
import dev.mayday.db.incident.IncidentRow;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The V005 tables behind the duty rotation, and the responder and reason columns on incidents. */
class RosterDaoTest {

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

    private static MemberRow member(String user, String kind) {
        return new MemberRow(user, kind, 1_000L, null, 0.5, 2, 7L, 0.25, 1, 3L);
    }

    private long incident(String originKey, String lead, String status) {
        return db.inTransaction(s -> {
            s.incidents().insertIfNew(new IncidentRow(0, "Checkout down", null, "SEV2", status, false, false,
                    new IncidentRow.People("U1", lead, "U9", "why"),
                    IncidentRow.Times.declared(1_000L), null, originKey,
                    IncidentRow.Place.declaredFrom("C0"), 1_000L));
            return s.incidents().byOriginKey(originKey).orElseThrow().id();
        });
    }

    @StoreTest
    void save_insertsThenUpdatesTheSameMember(StoreKind kind) {
        open(kind);
        db.inTransaction(s -> s.roster().save(member("U1", "ENGINEER")));
        db.inTransaction(s -> s.roster().save(new MemberRow("U1", "MANAGER", 2_000L, 3_000L, 1.5, 3, 9L, 0, 0, 0)));

        List<MemberRow> members = db.read(s -> s.roster().members());
        assertThat(members).singleElement().isEqualTo(
                new MemberRow("U1", "MANAGER", 2_000L, 3_000L, 1.5, 3, 9L, 0, 0, 0));
    }

    @StoreTest
    void save_withUnknownKind_isRejected(StoreKind kind) {
        open(kind);
        assertThatThrownBy(() -> db.inTransaction(s -> s.roster().save(member("U1", "INTERN"))))
                .isInstanceOf(RuntimeException.class);
    }

    @StoreTest
    void absences_currentAndFutureAreListed_backCutsTheCurrentAndDropsTheFuture(StoreKind kind) {
        open(kind);
        db.inTransaction(s -> s.roster().save(member("U1", "ENGINEER")));
        db.inTransaction(s -> {
            s.roster().insertAbsence("U1", 100, 200);
            s.roster().insertAbsence("U1", 400, 600);
            return s.roster().insertAbsence("U1", 800, 900);
        });

        List<AbsenceRow> ahead = db.read(s -> s.roster().absencesEndingAfter(450));
        assertThat(ahead).extracting(AbsenceRow::startsAt)
                .containsExactly(400L, 800L);
        int cut = db.inTransaction(s -> s.roster().cutAbsencesShort("U1", 450));
        int dropped = db.inTransaction(s -> s.roster().dropFutureAbsences("U1", 450));

        assertThat(cut).isEqualTo(1);
        assertThat(dropped).isEqualTo(1);
        List<AbsenceRow> all = db.read(s -> s.roster().absencesEndingAfter(0));
        assertThat(all).extracting(AbsenceRow::endsAt)
                .containsExactly(200L, 450L);
    }

    @StoreTest
    void absence_endingBeforeItStarts_isRejected(StoreKind kind) {
        open(kind);
        db.inTransaction(s -> s.roster().save(member("U1", "ENGINEER")));
        assertThatThrownBy(() -> db.inTransaction(s -> s.roster().insertAbsence("U1", 200, 100)))
                .isInstanceOf(RuntimeException.class);
    }

    @StoreTest
    void assignments_areNumberedInOrder_andTheCurrentOneEndsOnce(StoreKind kind) {
        open(kind);
        long id = incident("k1", "U1", "INVESTIGATING");
        long first = db.inTransaction(s -> s.roster().insertAssignment(
                new AssignmentRow(0, id, "U1", "LEAD", true, 1_000L, null, "picked")));
        long next = db.read(s -> s.roster().nextSequence());
        assertThat(next).isEqualTo(first + 1);

        int ended = db.inTransaction(s -> s.roster().endAssignment(first, 2_000L));
        int endedAgain = db.inTransaction(s -> s.roster().endAssignment(first, 3_000L));
        assertThat(ended).isEqualTo(1);
        assertThat(endedAgain).isZero();
        long second = db.inTransaction(s -> s.roster().insertAssignment(
                new AssignmentRow(0, id, "U2", "LEAD", false, 2_000L, null, null)));

        Optional<AssignmentRow> current = db.read(s -> s.roster().currentAssignment(id, "LEAD"));
        assertThat(current).get()
                .extracting(AssignmentRow::id, AssignmentRow::userId).containsExactly(second, "U2");
        List<AssignmentRow> history = db.read(s -> s.roster().forIncident(id));
        assertThat(history).extracting(AssignmentRow::endedAt)
                .containsExactly(2_000L, null);
    }

    @StoreTest
    void openIncidentLeadsAndResponders_leaveOutResolvedClosedAndTheOneAsked(StoreKind kind) {
        open(kind);
        long first = incident("k1", "U1", "INVESTIGATING");
        incident("k2", "U2", "RESOLVED");
        incident("k3", "U3", "CLOSED");
        long last = incident("k4", "U4", "MONITORING");

        List<String> leads = db.read(s -> s.roster().openIncidentLeads(0));
        List<String> others = db.read(s -> s.roster().openIncidentLeads(first));
        List<String> responders = db.read(s -> s.roster().openIncidentResponders(first));
        List<String> recent = db.read(s -> s.roster().recentLeads(last, 2));
        assertThat(leads).containsExactlyInAnyOrder("U1", "U4");
        assertThat(others).containsExactly("U4");
        assertThat(responders).containsExactly("U9");
        assertThat(recent).containsExactly("U3", "U2");
    }

    @StoreTest
    void incidentRow_keepsResponderAndReason(StoreKind kind) {
        open(kind);
        long id = incident("k1", "U1", "INVESTIGATING");
        IncidentRow row = db.read(s -> s.incidents().byId(id)).orElseThrow();
        assertThat(row.people().responder()).isEqualTo("U9");
        assertThat(row.people().leadReason()).isEqualTo("why");
    }

    private List<RosterChangeRow> changes() {
        return db.read(s -> s.roster().recentChanges(10));
    }

    @StoreTest
    void rosterChanges_areListedNewestFirst_andReadBackById(StoreKind kind) {
        open(kind);
        db.inTransaction(s -> s.roster().recordChange(1_000, "U1", "U1", "JOINED", "ENGINEER", null, null));
        long added = db.inTransaction(s -> s.roster().recordChange(2_000, "U1", "U2", "JOINED", "MANAGER", null, null));
        db.inTransaction(s -> s.roster().recordChange(3_000, "U1", "U2", "AWAY", null, "2026-12-01", "2026-12-05"));

        assertThat(changes()).extracting(RosterChangeRow::action).containsExactly("AWAY", "JOINED", "JOINED");
        Optional<RosterChangeRow> read = db.read(s -> s.roster().change(added));
        assertThat(read)
                .contains(new RosterChangeRow(added, 2_000, "U1", "U2", "JOINED", "MANAGER", null, null));
    }

    @StoreTest
    void rosterChange_withUnknownAction_isRejected(StoreKind kind) {
        open(kind);
        assertThatThrownBy(() -> db.inTransaction(s -> s.roster().recordChange(1, "U1", "U2", "SWAPPED", null, null,
                null))).isInstanceOf(RuntimeException.class);
    }
}
