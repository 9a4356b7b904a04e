package dev.mayday.db.postmortem;

import dev.mayday.db.StoreTest;
import dev.mayday.db.TestStores;
import dev.mayday.db.StoreKind;
import org.junit.jupiter.api.AfterEach;
import dev.mayday.db.Database;
import dev.mayday.db.incident.IncidentDao;
import dev.mayday.db.incident.IncidentRow;
import dev.mayday.db.sql.Sql;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The V006 tables: action items, learnings and versioned post-mortem drafts. */
class PostmortemStoreTest {

    @TempDir
    Path dir;
    TestStores.OpenStore opened;
    Jdbi jdbi;
    long incidentId;

    void open(StoreKind kind) {
        opened = TestStores.open(kind, dir);
        jdbi = opened.database().jdbi();
        incidentId = incident("k1", null);
    }

    @AfterEach
    void close() {
        if (opened != null) {
            opened.close();
        }
    }

    private long incident(String originKey, Long closedAt) {
        return jdbi.inTransaction(h -> {
            IncidentDao incidents = new IncidentDao(Sql.on(h));
            incidents.insertIfNew(new IncidentRow(0, "Checkout down", null, "SEV2", "INVESTIGATING", false, false,
                    IncidentRow.People.declarerLeads("U1"),
                    IncidentRow.Times.declared(1_000L), null, originKey,
                    IncidentRow.Place.declaredFrom("C0"), 1_000L));
            IncidentRow row = incidents.byOriginKey(originKey).orElseThrow();
            if (closedAt != null) {
                incidents.updateState(new IncidentRow(row.id(), row.title(), null, "SEV2", "CLOSED", false, false,
                        IncidentRow.People.declarerLeads("U1"),
                        new IncidentRow.Times(1_000L, null, closedAt - 1, closedAt), null, originKey,
                        IncidentRow.Place.declaredFrom("C0"), closedAt));
            }
            return row.id();
        });
    }

    private ActionItemDao actions() {
        return jdbi.onDemand(ActionItemDao.class);
    }

    @StoreTest
    void actionItem_insert_isOpenWithEveryColumn(StoreKind kind) {
        open(kind);
        long id = actions().insert(incidentId, "Add a canary step", "U2", "U1", 5_000L);

        assertThat(actions().byId(id)).contains(
                new ActionItemRow(id, incidentId, "Add a canary step", "U2", "OPEN", "U1", 5_000L, null, null));
    }

    @StoreTest
    void actionItem_markDoneTwice_keepsTheFirstTime(StoreKind kind) {
        open(kind);
        long id = actions().insert(incidentId, "Add a canary step", null, "U1", 5_000L);

        assertThat(actions().markDone(incidentId, id, "U2", 6_000L)).isEqualTo(1);
        assertThat(actions().markDone(incidentId, id, "U3", 7_000L)).isZero();

        ActionItemRow done = actions().byId(id).orElseThrow();
        assertThat(done.state()).isEqualTo("DONE");
        assertThat(done.doneAt()).isEqualTo(6_000L);
        assertThat(done.doneBy()).isEqualTo("U2");
    }

    @StoreTest
    void actionItem_doneWithoutTime_isRejectedByTheSchema(StoreKind kind) {
        open(kind);
        long id = actions().insert(incidentId, "x", null, "U1", 5_000L);
        assertThatThrownBy(() -> jdbi.useHandle(h -> h.execute("UPDATE action_items SET state = 'DONE' WHERE id = ?", id)))
                .isInstanceOf(RuntimeException.class);
    }

    @StoreTest
    void actionItem_windows_areHalfOpen(StoreKind kind) {
        open(kind);
        long early = actions().insert(incidentId, "early", null, "U1", 1_000L);
        long inside = actions().insert(incidentId, "inside", null, "U1", 2_000L);
        long edge = actions().insert(incidentId, "edge", null, "U1", 3_000L);
        actions().markDone(incidentId, early, "U1", 2_500L);

        assertThat(actions().createdBetween(2_000L, 3_000L)).extracting(ActionItemRow::id).containsExactly(inside);
        assertThat(actions().doneBetween(2_000L, 3_000L)).extracting(ActionItemRow::id).containsExactly(early);
        assertThat(actions().open()).extracting(ActionItemRow::id).containsExactly(inside, edge);
    }

    @StoreTest
    void actionItem_forUnknownIncident_isRejectedByForeignKey(StoreKind kind) {
        open(kind);
        assertThatThrownBy(() -> actions().insert(999, "x", null, "U1", 1L)).isInstanceOf(RuntimeException.class);
    }

    @StoreTest
    void learnings_ofIncidentsClosedInWindow_leaveOthersOut(StoreKind kind) {
        open(kind);
        long closedInside = incident("k2", 10_000L);
        long closedLater = incident("k3", 20_000L);
        LearningDao learnings = jdbi.onDemand(LearningDao.class);
        learnings.insert(incidentId, "open incident", "U1", 1_000L);
        long wanted = learnings.insert(closedInside, "retries need jitter", "U2", 9_000L);
        learnings.insert(closedLater, "later", "U2", 19_000L);

        assertThat(learnings.ofIncidentsClosedBetween(5_000L, 20_000L)).extracting(LearningRow::id)
                .containsExactly(wanted);
        assertThat(learnings.forIncident(closedInside)).extracting(LearningRow::text)
                .containsExactly("retries need jitter");
    }

    @StoreTest
    void postmortems_sameVersionTwice_isStoredOnce_andLatestIsTheHighest(StoreKind kind) {
        open(kind);
        PostmortemDao postmortems = jdbi.onDemand(PostmortemDao.class);
        assertThat(postmortems.nextVersion(incidentId)).isEqualTo(1);
        assertThat(postmortems.latest(incidentId)).isEmpty();

        assertThat(postmortems.insertIfAbsent(new PostmortemRow(incidentId, 1, "# v1", 1L))).isEqualTo(1);
        assertThat(postmortems.insertIfAbsent(new PostmortemRow(incidentId, 1, "# other", 2L))).isZero();
        assertThat(postmortems.insertIfAbsent(new PostmortemRow(incidentId, 2, "# v2", 3L))).isEqualTo(1);

        assertThat(postmortems.nextVersion(incidentId)).isEqualTo(3);
        assertThat(postmortems.latest(incidentId)).contains(new PostmortemRow(incidentId, 2, "# v2", 3L));
        assertThat(postmortems.versions(incidentId)).extracting(PostmortemRow::markdown).containsExactly("# v1", "# v2");
    }
}
