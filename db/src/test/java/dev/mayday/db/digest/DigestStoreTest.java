package dev.mayday.db.digest;

import dev.mayday.db.StoreTest;
import dev.mayday.db.TestStores;
import dev.mayday.db.StoreKind;
import org.junit.jupiter.api.AfterEach;
import dev.mayday.db.Database;
import dev.mayday.db.incident.IncidentDao;
import dev.mayday.db.incident.IncidentRow;
import dev.mayday.db.pagerduty.PagerDutyDao;
import dev.mayday.db.rotation.AssignmentRow;
import dev.mayday.db.rotation.MemberRow;
import dev.mayday.db.rotation.RosterDao;
import dev.mayday.db.sql.Sql;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The digests table (V010, V019) and the digest's read queries. */
class DigestStoreTest {

    @TempDir
    Path dir;
    TestStores.OpenStore opened;
    Jdbi jdbi;

    void open(StoreKind kind) {
        opened = TestStores.open(kind, dir);
        jdbi = opened.database().jdbi();
    }

    @AfterEach
    void close() {
        if (opened != null) {
            opened.close();
        }
    }

    private DigestDao digests() {
        return jdbi.onDemand(DigestDao.class);
    }

    private DigestFactsDao facts() {
        return jdbi.onDemand(DigestFactsDao.class);
    }

    @StoreTest
    void recordPosted_keepsTheFirstRecordOfAWeek_andLastPostedIsTheLatestWeek(StoreKind kind) {
        open(kind);
        assertThat(digests().recordPosted("2025-W52", "C0", "1.1", 2_000L)).isEqualTo(1);
        assertThat(digests().recordPosted("2026-W01", "C0", "2.2", 3_000L)).isEqualTo(1);
        assertThat(digests().recordPosted("2026-W01", "C0", "9.9", 4_000L)).isZero();

        assertThat(digests().byWeek("2026-W01")).contains(new DigestRow("2026-W01", "C0", "2.2", 3_000L));
        assertThat(digests().lastPosted()).map(DigestRow::isoWeek).contains("2026-W01");
        assertThat(digests().byWeek("2026-W47")).isEmpty();
    }

    @StoreTest
    void facts_readIncidentsAssignmentsAndRoster(StoreKind kind) {
        open(kind);
        jdbi.useHandle(h -> {
            RosterDao roster = new RosterDao(Sql.on(h));
            roster.save(new MemberRow("U1", "ENGINEER", 0, null, 0, 0, 0, 0, 0, 0));
            roster.save(new MemberRow("U2", "MANAGER", 0, 50L, 0, 0, 0, 0, 0, 0));
        });
        long early = incident("k1", 1_000L, "INVESTIGATING");
        long inWindow = incident("k2", 5_000L, "RESOLVED");
        jdbi.useHandle(h -> {
            new PagerDutyDao(Sql.on(h)).link(inWindow, "PD1", "https://pd/PD1");
            RosterDao roster = new RosterDao(Sql.on(h));
            roster.insertAssignment(new AssignmentRow(0, inWindow, "U1", "LEAD", true, 5_000L, null, null));
            roster.insertAssignment(new AssignmentRow(0, inWindow, "U2", "RESPONDER", true, 5_001L, null, null));
            roster.insertAssignment(new AssignmentRow(0, inWindow, "U9", "LEAD", false, 6_000L, null, null));
        });

        assertThat(facts().declaredBetween(2_000L, 10_000L)).singleElement().satisfies(row -> {
            assertThat(row.id()).isEqualTo(inWindow);
            assertThat(row.pagerdutyId()).isEqualTo("PD1");
            assertThat(row.lead()).isEqualTo("U1");
        });
        assertThat(facts().openDeclaredBefore(10_000L)).extracting(DigestIncidentRow::id).containsExactly(early);
        assertThat(facts().assignmentsBetween(5_000L, 6_000L)).containsExactly(
                new DutyAssignmentRow(inWindow, "U1", "LEAD", "ENGINEER", 5_000L),
                new DutyAssignmentRow(inWindow, "U2", "RESPONDER", "MANAGER", 5_001L));
        assertThat(facts().assignmentsBetween(6_000L, 7_000L)).extracting(DutyAssignmentRow::kind)
                .containsExactly((String) null);
        assertThat(facts().roster()).containsExactly(new RosterKindRow("U1", "ENGINEER"));
        assertThat(facts().byId(early)).map(DigestIncidentRow::status).contains("INVESTIGATING");
    }

    private long incident(String originKey, long declaredAt, String status) {
        return jdbi.inTransaction(h -> {
            IncidentDao incidents = new IncidentDao(Sql.on(h));
            incidents.insertIfNew(new IncidentRow(0, "Checkout down", null, "SEV2", status, false, false,
                    IncidentRow.People.declarerLeads("U1"),
                    IncidentRow.Times.declared(declaredAt), null, originKey,
                    IncidentRow.Place.declaredFrom("C0"), declaredAt));
            return incidents.byOriginKey(originKey).orElseThrow().id();
        });
    }
}
