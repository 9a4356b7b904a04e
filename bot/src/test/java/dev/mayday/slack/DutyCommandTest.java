package dev.mayday.slack;

import dev.mayday.db.Database;
import dev.mayday.db.rotation.AbsenceRow;
import dev.mayday.incident.Declaration;
import dev.mayday.incident.Incident;
import dev.mayday.incident.IncidentChange;
import dev.mayday.incident.IncidentNotifier;
import dev.mayday.incident.IncidentRuleViolation;
import dev.mayday.incident.IncidentService;
import dev.mayday.incident.Severity;
import dev.mayday.rotation.DutyService;
import dev.mayday.rotation.DutyStanding;
import dev.mayday.rotation.MemberKind;
import dev.mayday.rotation.RotationPicker;
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
            Incident incident = incidents.declare(new Declaration("Down " + i, null, Severity.SEV3, false, ME,
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

    private static final class Quiet implements IncidentNotifier {
        @Override
        public void declared(Incident incident) {
        }

        @Override
        public void changed(IncidentChange change) {
        }
    }
}
