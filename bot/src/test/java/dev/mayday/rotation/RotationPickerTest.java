package dev.mayday.rotation;

import dev.mayday.db.Database;
import dev.mayday.db.incident.IncidentRow;
import dev.mayday.db.rotation.AssignmentRow;
import dev.mayday.incident.Assignment;
import dev.mayday.incident.Declaration;
import dev.mayday.incident.Incident;
import dev.mayday.incident.IncidentChange;
import dev.mayday.incident.IncidentDirectory;
import dev.mayday.incident.IncidentNotifier;
import dev.mayday.incident.IncidentService;
import dev.mayday.incident.LeadPicker;
import dev.mayday.incident.Severity;
import dev.mayday.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rotation as the incident service uses it: inside the declaration's transaction, over a real SQLite file. */
class RotationPickerTest {

    private static final Instant START = Instant.parse("2026-03-14T09:00:00Z");
    private static final String DECLARER = "U0DECLARER";

    @TempDir
    Path dir;

    private Database database;
    private final TestClock clock = new TestClock(START);
    private IncidentService incidents;
    private IncidentDirectory directory;
    private DutyService duty;
    private ExecutorService pool;
    private final AtomicInteger origin = new AtomicInteger();

    @BeforeEach
    void open() {
        database = Database.open("jdbc:sqlite:" + dir.resolve("mayday.db"));
        incidents = new IncidentService(database, clock, new QuietNotifier(), new RotationPicker());
        directory = new IncidentDirectory(database);
        duty = new DutyService(database, clock, ZoneId.of("Europe/Berlin"));
    }

    @AfterEach
    void stop() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    private Incident declare(Severity severity) {
        int n = origin.incrementAndGet();
        Incident incident = incidents.declare(new Declaration("Incident " + n, null, severity, false, false, DECLARER,
                "command:T" + n, "C0GENERAL")).incident();
        directory.attachChannel(incident.id(), "C0INC" + n, "inc-" + n);
        return directory.byId(incident.id()).orElseThrow();
    }

    private Incident declareDrill(Severity severity) {
        int n = origin.incrementAndGet();
        Incident incident = incidents.declare(new Declaration("Game day " + n, null, severity, false, true, DECLARER,
                "command:T" + n, "C0GENERAL")).incident();
        directory.attachChannel(incident.id(), "C0DRILL" + n, "drill-" + n);
        return directory.byId(incident.id()).orElseThrow();
    }

    private int leads(String user) {
        return duty.standing().row(user).orElseThrow().member().lead().turns();
    }

    private List<AssignmentRow> ledger(long incidentId) {
        return database.read(store -> store.roster().forIncident(incidentId));
    }

    @Test
    void declare_withARoster_theMemberFurthestBehindLeads_andTheReasonIsStored() {
        duty.join("U0ANA", MemberKind.ENGINEER);
        duty.join("U0BEN", MemberKind.ENGINEER);
        duty.join("U0MIA", MemberKind.MANAGER);

        Incident first = declare(Severity.SEV3);
        incidents.resolve(first.place().channelId(), "U0ANA", null);
        Incident second = declare(Severity.SEV3);
        incidents.resolve(second.place().channelId(), "U0BEN", null);
        Incident third = declare(Severity.SEV3);

        assertThat(List.of(first.lead(), second.lead(), third.lead())).containsExactly("U0ANA", "U0BEN", "U0MIA");
        assertThat(first.people().declaredBy()).isEqualTo(DECLARER);
        assertThat(first.people().leadReason()).isEqualTo("picked by rotation: the first incident on record, level furthest "
                + "behind a fair share and longest without a turn among 3 available");
        assertThat(second.people().leadReason()).isEqualTo("picked by rotation: led 0 of the last 1, level furthest behind a "
                + "fair share and longest without a turn among 3 available");
        assertThat(third.people().leadReason()).isEqualTo("picked by rotation: led 0 of the last 2, the furthest behind a "
                + "fair share among 3 available");
        assertThat(ledger(second.id())).singleElement().satisfies(row -> {
            assertThat(row.userId()).isEqualTo("U0BEN");
            assertThat(row.role()).isEqualTo("LEAD");
            assertThat(row.credited()).isTrue();
            assertThat(row.endedAt()).isNull();
        });
        assertThat(leads("U0ANA")).isEqualTo(1);
    }

    @Test
    void aDrill_countsTowardDutyLoad_soTheNextRealIncidentGoesToSomeoneElse() {
        duty.join("U0ANA", MemberKind.ENGINEER);
        duty.join("U0BEN", MemberKind.ENGINEER);

        Incident drill = declareDrill(Severity.SEV3);
        incidents.resolve(drill.place().channelId(), "U0ANA", null);
        Incident real = declare(Severity.SEV3);

        assertThat(drill.isPractice()).isTrue();
        assertThat(drill.lead()).isEqualTo("U0ANA");
        assertThat(ledger(drill.id())).singleElement().satisfies(row -> {
            assertThat(row.role()).isEqualTo("LEAD");
            assertThat(row.credited()).as("practice is work").isTrue();
        });
        assertThat(leads("U0ANA")).isEqualTo(1);
        assertThat(real.lead()).as("U0ANA has had a turn, the drill").isEqualTo("U0BEN");
    }

    @Test
    void declare_sev2_pairsAResponderOfTheOtherKind_sev3DoesNot() {
        duty.join("U0ANA", MemberKind.ENGINEER);
        duty.join("U0MIA", MemberKind.MANAGER);

        Incident major = declare(Severity.SEV2);
        Incident minor = declare(Severity.SEV3);

        assertThat(major.lead()).isEqualTo("U0ANA");
        assertThat(major.people().responder()).isEqualTo("U0MIA");
        assertThat(major.people().leadReason()).contains("; responder: the only manager available");
        assertThat(ledger(major.id())).extracting(AssignmentRow::userId, AssignmentRow::role)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("U0ANA", "LEAD"),
                        org.assertj.core.groups.Tuple.tuple("U0MIA", "RESPONDER"));
        assertThat(minor.lead()).as("back pressure: U0ANA leads an open incident").isEqualTo("U0MIA");
        assertThat(minor.people().responder()).isNull();
    }

    @Test
    void declare_withAnEmptyRoster_theDeclarerLeads_asBefore() {
        Incident incident = declare(Severity.SEV1);

        assertThat(incident.lead()).isEqualTo(DECLARER);
        assertThat(incident.people().responder()).isNull();
        assertThat(incident.people().leadReason()).isNull();
    }

    @Test
    void declare_whenEveryMemberIsAway_theDeclarerLeads_andTheCardSaysWhy() {
        duty.join("U0ANA", MemberKind.ENGINEER);
        duty.away("U0ANA", LocalDate.parse("2026-03-14"), LocalDate.parse("2026-03-20"));

        Incident incident = declare(Severity.SEV2);

        assertThat(incident.lead()).isEqualTo(DECLARER);
        assertThat(incident.people().leadReason()).isEqualTo("nobody on the duty roster is available, so the declarer leads");
        assertThat(leads("U0ANA")).isZero();
        assertThat(duty.standing().row("U0ANA").orElseThrow().member().lead().share()).isZero();
    }

    @Test
    void declare_skipsWhoeverLeadsAnOpenIncident_untilItIsResolved() {
        duty.join("U0ANA", MemberKind.ENGINEER);
        duty.join("U0BEN", MemberKind.ENGINEER);
        Incident first = declare(Severity.SEV3);
        Incident second = declare(Severity.SEV3);
        Incident third = declare(Severity.SEV3);
        incidents.resolve(first.place().channelId(), first.lead(), null);
        incidents.resolve(third.place().channelId(), third.lead(), null);
        Incident fourth = declare(Severity.SEV3);

        assertThat(List.of(first.lead(), second.lead())).containsExactly("U0ANA", "U0BEN");
        assertThat(third.lead()).as("both busy: the most owed leads anyway").isEqualTo("U0ANA");
        assertThat(third.people().leadReason()).contains("all of them busy with open incidents");
        assertThat(fourth.lead()).as("U0BEN still leads the second incident").isEqualTo("U0ANA");
        assertThat(fourth.people().leadReason()).contains("1 skipped: busy with an open incident");
    }

    @Test
    void changeLead_movesTheCreditToTheNewLead_endsTheOldAssignment_andDropsTheReason() {
        duty.join("U0ANA", MemberKind.ENGINEER);
        duty.join("U0BEN", MemberKind.ENGINEER);
        Incident incident = declare(Severity.SEV3);
        clock.advance(java.time.Duration.ofMinutes(5));

        IncidentChange change = incidents.changeLead(incident.place().channelId(), "U0ANA", "U0BEN");

        assertThat(change.after().lead()).isEqualTo("U0BEN");
        assertThat(change.after().people().leadReason()).isNull();
        assertThat(leads("U0ANA")).isZero();
        assertThat(leads("U0BEN")).isEqualTo(1);
        List<AssignmentRow> rows = ledger(incident.id());
        assertThat(rows).extracting(AssignmentRow::userId).containsExactly("U0ANA", "U0BEN");
        assertThat(rows.get(0).endedAt()).isEqualTo(START.plusSeconds(300).toEpochMilli());
        assertThat(rows.get(1).credited()).isTrue();
        assertThat(rows.get(1).reason()).isEqualTo("handed over by U0ANA");
    }

    @Test
    void changeLead_toSomeoneOffTheRoster_onlyGivesTheCreditBack() {
        duty.join("U0ANA", MemberKind.ENGINEER);
        Incident incident = declare(Severity.SEV3);

        incidents.changeLead(incident.place().channelId(), "U0ANA", "U0OUTSIDER");

        assertThat(leads("U0ANA")).isZero();
        assertThat(ledger(incident.id()).get(1).credited()).isFalse();
    }

    @Test
    void declarationsAtTheSameMoment_neverGetTheSameLead() throws Exception {
        int people = 8;
        for (int i = 0; i < people; i++) {
            duty.join("U0P" + i, i % 3 == 0 ? MemberKind.MANAGER : MemberKind.ENGINEER);
        }
        pool = Executors.newFixedThreadPool(people);
        CountDownLatch gate = new CountDownLatch(1);
        List<Future<Incident>> results = new ArrayList<>();
        for (int i = 0; i < people; i++) {
            results.add(pool.submit(() -> {
                gate.await();
                return declare(Severity.SEV3);
            }));
        }
        gate.countDown();
        List<String> leads = new ArrayList<>();
        for (Future<Incident> result : results) {
            leads.add(result.get(30, TimeUnit.SECONDS).lead());
        }

        assertThat(leads).doesNotHaveDuplicates().hasSize(people).allMatch(lead -> lead.startsWith("U0P"));
    }

    @Test
    void aFailureAfterThePick_leavesNoIncident_noLedgerChange_andNoAssignment() {
        duty.join("U0ANA", MemberKind.ENGINEER);
        IncidentService failing = new IncidentService(database, clock, new QuietNotifier(), new LeadPicker() {
            private final RotationPicker rotation = new RotationPicker();

            @Override
            public Assignment pick(Database.Store store, long incidentId, Instant at, Severity severity, String declarer) {
                rotation.pick(store, incidentId, at, severity, declarer);
                throw new IllegalStateException("disk full");
            }

            @Override
            public void handedOff(Database.Store store, long incidentId, String from, String to, Instant at) {
            }
        });

        assertThatThrownBy(() -> failing.declare(new Declaration("Down", null, Severity.SEV3, false, false, DECLARER,
                "command:X", "C0"))).hasMessageContaining("disk full");

        List<IncidentRow> stored = database.read(store -> store.incidents().all());
        assertThat(stored).isEmpty();
        assertThat(leads("U0ANA")).isZero();
        assertThat(duty.standing().row("U0ANA").orElseThrow().member().lead().share()).isZero();
    }

    @Test
    void declaringTheSameRequestTwice_picksOnce() {
        duty.join("U0ANA", MemberKind.ENGINEER);
        Declaration declaration = new Declaration("Down", null, Severity.SEV3, false, false, DECLARER, "command:SAME", "C0");

        incidents.declare(declaration);
        incidents.declare(declaration);

        assertThat(leads("U0ANA")).isEqualTo(1);
        assertThat(ledger(1)).hasSize(1);
    }

    private static final class QuietNotifier implements IncidentNotifier {
        @Override
        public void declared(Incident incident) {
        }

        @Override
        public void changed(IncidentChange change) {
        }
    }
}
