package dev.mayday.digest;

import dev.mayday.db.Database;
import dev.mayday.incident.Declaration;
import dev.mayday.incident.Incident;
import dev.mayday.incident.IncidentChange;
import dev.mayday.incident.IncidentDirectory;
import dev.mayday.incident.IncidentNotifier;
import dev.mayday.incident.IncidentService;
import dev.mayday.incident.Severity;
import dev.mayday.incident.Status;
import dev.mayday.postmortem.ActionItem;
import dev.mayday.postmortem.ActionItems;
import dev.mayday.postmortem.Learnings;
import dev.mayday.reminder.ReminderSchedule;
import dev.mayday.reminder.Reminders;
import dev.mayday.rotation.DutyService;
import dev.mayday.rotation.MemberKind;
import dev.mayday.rotation.RotationPicker;
import dev.mayday.support.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The digest's facts read from a temp SQLite store filled through the real services. */
class DigestFactsLoaderTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final IsoWeek W47 = IsoWeek.parse("2026-W47");

    @TempDir
    Path dir;
    private Database database;
    private TestClock clock;
    private IncidentService incidents;
    private IncidentDirectory directory;
    private ActionItems actions;
    private Learnings learnings;
    private int declared;

    @BeforeEach
    void open() {
        database = Database.open("jdbc:sqlite:" + dir.resolve("mayday.db"));
        clock = new TestClock(IsoWeek.parse("2026-W46").start(BERLIN).plus(Duration.ofHours(9)));
        incidents = new IncidentService(database, clock, new IncidentNotifier() {
            @Override
            public void declared(Incident incident) {
            }

            @Override
            public void changed(IncidentChange change) {
            }
        }, new RotationPicker());
        directory = new IncidentDirectory(database);
        actions = new ActionItems(database);
        learnings = new Learnings(database);
        DutyService duty = new DutyService(database, clock, BERLIN);
        duty.join("U0ENG1", MemberKind.ENGINEER);
        duty.join("U0ENG2", MemberKind.ENGINEER);
        duty.join("U0MGR", MemberKind.MANAGER);
    }

    private Incident declare(Severity severity, String title) {
        declared++;
        Incident incident = incidents.declare(new Declaration(title, null, severity, false, false, "U0ALEX",
                "cmd:" + declared, "C0GENERAL")).incident();
        directory.attachChannel(incident.id(), "C0INC" + declared, "inc-" + declared);
        return incident;
    }

    @Test
    void load_readsTheWeekFromTheStore_andBuildsItsDigest() {
        Incident lastWeek = declare(Severity.SEV3, "Search is slow");
        incidents.resolve("C0INC1", lastWeek.lead(), "Reindexed");
        ActionItem old = actions.add(lastWeek.id(), "Alert on index lag", "U0ENG2", "U0ALEX", clock.instant());

        clock.advance(Duration.ofDays(7)); // Monday of W47, 09:00
        Incident checkout = declare(Severity.SEV1, "Checkout is down");
        database.inTransaction(store -> store.pagerDuty().link(checkout.id(), "PD1", "https://pd.example/PD1"));
        clock.advance(Duration.ofMinutes(4));
        incidents.addNote("C0INC2", checkout.lead(), "Looking at the payment gateway");
        clock.advance(Duration.ofHours(2));
        incidents.resolve("C0INC2", checkout.lead(), "Rolled back");
        learnings.add(checkout.id(), "Gateway timeouts are per region", "U0ENG1", clock.instant());
        ActionItem canary = actions.add(checkout.id(), "Add a canary step", "U0ENG1", "U0ALEX", clock.instant());
        incidents.close("C0INC2", checkout.lead());
        actions.markDone(lastWeek.id(), old.id(), "U0ENG2", clock.instant());
        clock.advance(Duration.ofDays(1));
        Incident open = declare(Severity.SEV2, "Emails are delayed");

        Instant asOf = W47.end(BERLIN).plus(Duration.ofHours(9));
        DigestFactsLoader loader = new DigestFactsLoader(database, BERLIN, DigestSettings.defaults(),
                id -> id.equals("PD1") ? Optional.of("checkout-api") : Optional.empty());
        DigestFacts facts = loader.load(W47, asOf);
        DigestReport report = Digest.build(facts);

        assertThat(facts.incident(checkout.id())).flatMap(IncidentFact::pagerDutyService).contains("checkout-api");
        assertThat(facts.roster()).containsOnlyKeys("U0ENG1", "U0ENG2", "U0MGR");
        assertThat(report.declared()).isEqualTo(new WeekCount(2, 1));
        assertThat(report.bySeverity().get(Severity.SEV1)).isEqualTo(new WeekCount(1, 0));
        assertThat(report.stillOpen()).extracting(OpenIncident::id).containsExactly(open.id());
        assertThat(report.learnings()).singleElement().isEqualTo(new LearningLine(checkout.id(),
                "#" + checkout.id() + " Checkout is down", "Gateway timeouts are per region", "U0ENG1"));
        assertThat(report.actionsOpened()).extracting(FollowUp::id).containsExactly(canary.id());
        assertThat(report.actionsDone()).extracting(FollowUp::id).containsExactly(old.id());
        assertThat(report.openActions()).extracting(FollowUp::id).containsExactly(canary.id());
        assertThat(report.duty().people()).extracting(DutyLoad.Person::userId)
                .containsExactlyInAnyOrder("U0ENG1", "U0ENG2", "U0MGR");
        assertThat(report.duty().people().stream().mapToInt(DutyLoad.Person::ledThisWeek).sum()).isEqualTo(2);
        assertThat(report.duty().people().stream().mapToInt(DutyLoad.Person::respondedThisWeek).sum()).isEqualTo(2);
        // SEV1: 2 h 4 min; SEV2 open from Tuesday 11:04 to the next Monday 09:00.
        double openHours = Duration.between(open.times().declaredAt(), asOf).toSeconds() / 3600.0;
        assertThat(report.backPressure().hours()).isEqualTo(124 / 60.0 + openHours);
        assertThat(report.backPressure().overCapacity()).isTrue();
        assertThat(report.toMarkdown()).contains("- #" + checkout.id() + " Checkout is down: "
                + "Gateway timeouts are per region");
    }

    @Test
    void load_readsADrillFromTheStore_asPractice_listedApartButOnTheDutyLedger() {
        clock.advance(Duration.ofDays(7)); // Monday of W47, 09:00
        declared++;
        Incident drill = incidents.declare(new Declaration("Checkout game day", null, Severity.SEV2, false, true,
                "U0ALEX", "cmd:" + declared, "C0GENERAL")).incident();
        directory.attachChannel(drill.id(), "C0DRILL", "drill-1");
        clock.advance(Duration.ofMinutes(30));
        incidents.resolve("C0DRILL", drill.lead(), "Failed over");

        DigestFacts facts = new DigestFactsLoader(database, BERLIN, DigestSettings.defaults())
                .load(W47, W47.end(BERLIN).plus(Duration.ofHours(9)));
        DigestReport report = Digest.build(facts);

        assertThat(facts.incident(drill.id())).map(IncidentFact::isPractice).contains(true);
        assertThat(report.declared().thisWeek()).isZero();
        assertThat(report.practice()).singleElement()
                .satisfies(p -> assertThat(p.resolvedIn()).contains(Duration.ofMinutes(30)));
        assertThat(report.duty().people().stream().mapToInt(DutyLoad.Person::ledThisWeek).sum()).isEqualTo(1);
    }

    @Test
    void load_countsTheWeeksStatusUpdates_andThoseThatCameOnlyAfterAReminder() {
        clock.advance(Duration.ofDays(7)); // Monday of W47, 09:00
        Incident checkout = declare(Severity.SEV1, "Checkout is down");
        Reminders reminders = new Reminders(database, clock, ReminderSchedule.defaults()); // SEV1: every 15 minutes
        clock.advance(Duration.ofMinutes(10));
        incidents.postUpdate("C0INC1", checkout.lead(), "Payment gateway times out"); // on time
        clock.advance(Duration.ofMinutes(16));
        assertThat(reminders.remindDue()).as("quiet for 16 minutes").isEqualTo(1);
        clock.advance(Duration.ofMinutes(2));
        incidents.postUpdate("C0INC1", checkout.lead(), "Rolling back"); // after the reminder
        clock.advance(Duration.ofMinutes(5));
        incidents.changeStatus("C0INC1", checkout.lead(), Status.IDENTIFIED); // on time again
        clock.advance(Duration.ofMinutes(5));
        incidents.addNote("C0INC1", checkout.lead(), "A note is no status update");

        DigestReport report = Digest.build(new DigestFactsLoader(database, BERLIN, DigestSettings.defaults())
                .load(W47, W47.end(BERLIN)));

        assertThat(report.updates()).isEqualTo(new StatusUpdates(3, 1, 1));
        assertThat(report.toMarkdown()).contains("## Status updates\n3 status updates (updates, status and severity "
                + "changes), 2 on time and 1 after a reminder; 1 reminder sent.");
    }

    @Test
    void load_ofAnEmptyStore_isAQuietWeek() {
        DigestReport report = Digest.build(new DigestFactsLoader(database, BERLIN, DigestSettings.defaults())
                .load(W47, W47.end(BERLIN)));

        assertThat(report.quiet()).isTrue();
        assertThat(report.duty().people()).hasSize(3);
    }
}
