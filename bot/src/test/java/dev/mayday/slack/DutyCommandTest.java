package dev.mayday.slack;

import dev.mayday.db.Database;
import dev.mayday.db.outbox.OutboxRow;
import dev.mayday.db.rotation.AbsenceRow;
import dev.mayday.db.rotation.RosterChangeRow;
import dev.mayday.incident.Declaration;
import dev.mayday.incident.Incident;
import dev.mayday.incident.IncidentChange;
import dev.mayday.incident.IncidentNotifier;
import dev.mayday.incident.IncidentRuleViolation;
import dev.mayday.incident.IncidentService;
import dev.mayday.incident.Severity;
import dev.mayday.rotation.DutyAdmins;
import dev.mayday.rotation.DutyService;
import dev.mayday.rotation.DutyStanding;
import dev.mayday.rotation.GroupMembership;
import dev.mayday.rotation.MemberKind;
import dev.mayday.rotation.RosterChange;
import dev.mayday.rotation.RosterGuard;
import dev.mayday.rotation.RosterListener;
import dev.mayday.rotation.RotationPicker;
import dev.mayday.slack.handlers.DutyCommand;
import dev.mayday.support.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code /incident duty …} as text in and the private reply out, over a real SQLite file. */
class DutyCommandTest {

    private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final String ME = "U0ME";

    @TempDir
    Path dir;

    private Database database;
    private final TestClock clock = new TestClock(NOW);
    private DutyService duty;
    private DutyCommand command;

    @BeforeEach
    void open() {
        database = Database.open("jdbc:sqlite:" + dir.resolve("mayday.db"));
        duty = new DutyService(database, clock, BERLIN);
        command = new DutyCommand(duty);
    }

    private String run(String args) {
        return command.handle(ME, args);
    }

    private void assertRefusedAndNothingChanges(String args, String message) {
        DutyStanding before = duty.standing();
        List<AbsenceRow> absences = absences();
        assertThatThrownBy(() -> run(args)).isInstanceOf(IncidentRuleViolation.class).hasMessageContaining(message);
        assertThat(duty.standing()).isEqualTo(before);
        assertThat(absences()).isEqualTo(absences);
    }

    private List<AbsenceRow> absences() {
        return database.read(store -> store.roster().absencesEndingAfter(0));
    }

    @Test
    void join_withoutKind_joinsAsAnEngineer_andWithAKindAsThatKind() {
        assertThat(run("join")).contains("You are on the duty roster as an engineer").contains("start level");
        command.handle("U0BOSS", "join manager");

        assertThat(duty.standing().row(ME).orElseThrow().member().kind()).isEqualTo(MemberKind.ENGINEER);
        assertThat(duty.standing().row("U0BOSS").orElseThrow().member().kind()).isEqualTo(MemberKind.MANAGER);
    }

    @Test
    void add_acceptsBothMentionForms_andMe() {
        run("add <@U0ANA|ana> engineer");
        run("add <@U0MIA> MANAGER");
        run("add me manager");

        assertThat(duty.standing().rows()).extracting(r -> r.member().userId() + ":" + r.member().kind())
                .containsExactly("U0ANA:ENGINEER", "U0ME:MANAGER", "U0MIA:MANAGER");
    }

    @Test
    void leaveAndRemove_takePeopleOff() {
        run("add <@U0ANA> engineer");
        run("join");

        assertThat(run("leave")).contains("You left the duty roster");
        assertThat(run("remove <@U0ANA|ana>")).contains("<@U0ANA> is off the duty roster");
        assertThat(duty.standing().rows()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "join twice                 | join                                  | already on the duty roster",
            "add someone already on it  | add <@U0ANA> manager                  | already on the duty roster",
            "add without a kind         | add <@U0BEN>                          | /incident duty add @someone engineer|manager",
            "add with an unknown kind   | add <@U0BEN> intern                   | `intern` is not a kind of member",
            "add a display name         | add @ben engineer                     | `@ben` is not a person",
            "add a channel              | add <#C0123> engineer                 | is not a person",
            "remove a non-member        | remove <@U0BEN>                       | <@U0BEN> is not on the duty roster",
            "leave when not on it       | leave now                             | /incident duty leave",
            "away from after to         | away <@U0ANA> 2026-12-05 2026-12-01   | ends (2026-12-01) before it starts (2026-12-05)",
            "away with a bad date       | away <@U0ANA> 01/12/2026 2026-12-05   | `01/12/2026` is not a date",
            "away in the past           | away <@U0ANA> 2026-11-01 2026-11-05   | before today",
            "away without dates         | away <@U0ANA>                         | /incident duty away @someone|me <from> <to>",
            "away for a non-member      | away <@U0BEN> 2026-12-01 2026-12-05   | <@U0BEN> is not on the duty roster",
            "away for over a year       | away <@U0ANA> 2026-12-01 2028-01-05   | more than a year",
            "back when not away         | back <@U0ANA>                         | no time away is planned",
            "an unknown verb            | swap <@U0ANA>                         | I don't know `/incident duty swap`",
    })
    void badInput_getsAClearAnswer_andChangesNothing(String name, String args, String message) {
        run("join");
        run("add <@U0ANA> engineer");
        assertRefusedAndNothingChanges(args, message);
    }

    @Test
    void away_coversWholeDaysInTheTeamsTimeZone_andListShowsIt() {
        run("add <@U0ANA> engineer");

        String reply = run("away <@U0ANA|ana> 2026-12-01 2026-12-05");

        assertThat(reply).contains("<@U0ANA> is away from 2026-12-01 to 2026-12-05");
        AbsenceRow absence = absences().get(0);
        assertThat(Instant.ofEpochMilli(absence.startsAt())).isEqualTo(Instant.parse("2026-11-30T23:00:00Z"));
        assertThat(Instant.ofEpochMilli(absence.endsAt())).isEqualTo(Instant.parse("2026-12-05T23:00:00Z"));
        assertThat(run("list")).contains("away from 2026-12-01 to 2026-12-05");

        clock.advance(Duration.ofDays(12));
        assertThat(run("list")).contains("<@U0ANA> · engineer").contains("away through 2026-12-05");
        assertThat(run("back <@U0ANA>")).contains("<@U0ANA> is back");
        assertThat(run("list")).doesNotContain("away").contains("next in line");
    }

    @Test
    void awayMe_andBackWithoutAName_meanTheOneAsking() {
        run("join manager");
        run("away me 2026-11-20 2026-11-22");
        assertThat(duty.standing().row(ME).orElseThrow().isAway()).isTrue();
        run("back");
        assertThat(duty.standing().row(ME).orElseThrow().isAway()).isFalse();
    }

    @Test
    void list_showsEachMemberKindLeadsFairShareAvailability_theSpread_andTheKindsSideBySide() {
        IncidentService incidents = new IncidentService(database, clock, new Quiet(), new RotationPicker());
        run("add <@U0ANA> engineer");
        run("add <@U0BEN> engineer");
        run("add <@U0MIA> manager");
        for (int i = 0; i < 4; i++) {
            Incident incident = incidents.declare(new Declaration("Down " + i, null, Severity.SEV3, false, false, ME,
                    "command:" + i, "C0")).incident();
            database.inTransaction(store -> store.incidents().attachChannel(incident.id(), "C" + incident.id(), "inc"));
            incidents.resolve("C" + incident.id(), ME, null);
        }

        String list = run("list");

        assertThat(list).contains("*Duty roster* — 3 members: 2 engineers, 1 manager")
                .contains("<@U0ANA> · engineer · led 2 of a fair share of 1.3 · 3rd in line")
                .contains("<@U0BEN> · engineer · led 1 of a fair share of 1.3 · next in line")
                .contains("<@U0MIA> · manager · led 1 of a fair share of 1.3 · 2nd in line")
                .contains("Spread: 1.0")
                .contains("Engineers: 75% of leads (3), 67% of the roster   |   Managers: 25% of leads (1), 33% of the roster");
    }

    @Test
    void list_ofAnEmptyRoster_saysTheDeclarerLeads_andHelpListsTheVerbs() {
        assertThat(run("")).contains("Nobody is on the duty roster yet, so whoever declares an incident leads it");
        assertThat(run("help")).contains("join [engineer|manager]").contains("away @someone|me <from> <to>");
    }

    @Test
    void everyChange_isRecordedWithWhoMadeIt_andListHistoryShowsThemNewestFirstInTheTeamsZone() {
        run("join manager");
        run("add <@U0ANA|ana> engineer");
        clock.advance(Duration.ofMinutes(5));
        run("away <@U0ANA> 2026-12-01 2026-12-05");
        command.handle("U0ANA", "back me");
        run("remove <@U0ANA>");
        command.handle("U0ANA", "join");
        run("leave");

        String history = run("list --history");

        assertThat(history).contains("Duty roster changes").contains("Europe/Berlin");
        assertThat(history.lines().skip(1).toList()).containsExactly(
                "• 2026-11-20 11:05 · <@U0ME> left",
                "• 2026-11-20 11:05 · <@U0ANA> joined as an engineer",
                "• 2026-11-20 11:05 · <@U0ME> removed <@U0ANA>",
                "• 2026-11-20 11:05 · <@U0ANA> is back",
                "• 2026-11-20 11:05 · <@U0ME> marked <@U0ANA> away from 2026-12-01 to 2026-12-05",
                "• 2026-11-20 11:00 · <@U0ME> added <@U0ANA> as an engineer",
                "• 2026-11-20 11:00 · <@U0ME> joined as a manager");
        List<RosterChangeRow> rows = database.read(store -> store.roster().recentChanges(10));
        List<String> owed = database.read(store -> store.outbox().ofType("RosterNotice")).stream()
                .map(OutboxRow::payload).toList();
        assertThat(owed).as("a DM is owed only for a change somebody else made, queued with it")
                .containsExactly(notice(rows.get(5)), notice(rows.get(4)), notice(rows.get(2)));
    }

    @Test
    void listHistory_ofAnUntouchedRoster_saysSo_andARefusedChangeIsNotRecorded() {
        assertThat(run("list --history")).isEqualTo("Nobody has changed the duty roster yet.");
        assertThatThrownBy(() -> run("remove <@U0BEN>")).isInstanceOf(IncidentRuleViolation.class);
        assertThat(duty.history(10)).isEmpty();
    }

    @Test
    void everyChange_tellsTheListenerAfterItIsStored() {
        List<RosterChange> heard = new ArrayList<>();
        DutyService listened = new DutyService(database, clock, BERLIN, RosterGuard.open(), change -> {
            assertThat(duty.history(1)).as("stored before the listener hears of it").containsExactly(change);
            heard.add(change);
        });
        DutyCommand commands = new DutyCommand(listened);

        commands.handle(ME, "add <@U0ANA> engineer");
        commands.handle(ME, "join");

        assertThat(heard).containsExactly(new RosterChange.Joined(NOW, ME, "U0ANA", MemberKind.ENGINEER),
                new RosterChange.Joined(NOW, ME, ME, MemberKind.ENGINEER));
    }

    /** DUTY_ADMINS=U0BOSS,S0LEADS where the user group S0LEADS holds U0LEAD. */
    private DutyCommand guarded(GroupMembership groups) {
        return new DutyCommand(new DutyService(database, clock, BERLIN,
                new RosterGuard(DutyAdmins.parse("U0BOSS,S0LEADS"), groups), RosterListener.NONE));
    }

    private static final GroupMembership LEADS = (group, user) -> group.equals("S0LEADS") && user.equals("U0LEAD");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "add someone else      | add <@U0BEN> engineer               | put someone else on the duty roster",
            "remove someone else   | remove <@U0ANA>                     | take someone else off the duty roster",
            "mark someone away     | away <@U0ANA> 2026-12-01 2026-12-05 | mark someone else away",
            "mark someone back     | back <@U0ANA>                       | mark someone else back",
    })
    void withDutyAdmins_aNonAdminChangingSomeoneElse_isRefusedNamingWhoMay_andNothingChanges(String name, String args,
                                                                                          String asked) {
        run("add <@U0ANA> engineer");
        run("away <@U0ANA> 2026-12-10 2026-12-11");
        List<RosterChange> history = duty.history(10);
        command = guarded(LEADS);

        assertRefusedAndNothingChanges(args, "Only <@U0BOSS> and the members of <!subteam^S0LEADS> may " + asked);
        assertThatThrownBy(() -> run(args)).hasMessageContaining("Anyone may `join`, `leave`, `away me <from> <to>` and `back me`");
        assertThat(duty.history(10)).isEqualTo(history);
    }

    @Test
    void withDutyAdmins_anAdminByIdAndAMemberOfTheAdminGroup_mayChangeSomeoneElse() {
        DutyCommand guarded = guarded(LEADS);

        guarded.handle("U0BOSS", "add <@U0ANA> engineer");
        guarded.handle("U0LEAD", "add <@U0BEN> manager");
        guarded.handle("U0LEAD", "away <@U0ANA> 2026-12-01 2026-12-05");
        guarded.handle("U0BOSS", "back <@U0ANA>");
        guarded.handle("U0LEAD", "remove <@U0BEN>");

        assertThat(duty.standing().rows()).extracting(r -> r.member().userId()).containsExactly("U0ANA");
        assertThat(duty.history(10)).extracting(RosterChange::actor)
                .containsExactly("U0LEAD", "U0BOSS", "U0LEAD", "U0LEAD", "U0BOSS");
    }

    @Test
    void withDutyAdmins_anyoneMayStillJoinLeaveAndGoAwayAndComeBackThemselves() {
        command = guarded((group, user) -> {
            throw new AssertionError("a change to yourself needs no admin check");
        });

        run("join");
        run("away me 2026-11-21 2026-11-22");
        run("back me");
        run("away <@U0ME> 2026-11-21 2026-11-22");
        run("back");
        run("leave");
        run("add me manager");
        run("remove me");

        assertThat(duty.history(20)).hasSize(8).allSatisfy(change -> assertThat(change.actor()).isEqualTo(ME));
        assertThat(duty.standing().rows()).isEmpty();
    }

    @Test
    void withDutyAdmins_whenTheUserGroupCannotBeLookedUp_theAnswerSaysSo_andNothingChanges() {
        run("add <@U0ANA> engineer");
        command = guarded((group, user) -> {
            throw new GroupMembership.Unavailable("Slack answered http_503", null);
        });

        assertRefusedAndNothingChanges("remove <@U0ANA>", "I could not check whether you are in <!subteam^S0LEADS>");
        assertThatThrownBy(() -> run("remove <@U0ANA>")).hasMessageContaining("Slack answered http_503")
                .hasMessageContaining("Nothing was changed");
    }

    private static final class Quiet implements IncidentNotifier {
        @Override
        public void declared(Incident incident) {
        }

        @Override
        public void changed(IncidentChange change) {
        }
    }

    private static String notice(RosterChangeRow change) {
        return "{\"changeId\":" + change.id() + ",\"target\":\"" + change.target() + "\"}";
    }
}
