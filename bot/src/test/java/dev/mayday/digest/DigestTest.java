package dev.mayday.digest;

import dev.mayday.incident.Severity;
import dev.mayday.postmortem.PersonNames;
import dev.mayday.postmortem.ActionItem;
import dev.mayday.rotation.MemberKind;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import static java.time.Duration.ofDays;
import static java.time.Duration.ofHours;
import static java.time.Duration.ofMillis;
import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The digest built from generated histories with a fixed "now". */
class DigestTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void quietWeek_hasNoIncidents_butStillListsTheOpenFollowUps() {
        History h = new History("2026-W47", BERLIN);
        IncidentFact old = h.incident(h.lastWeek(ofHours(30)), Severity.SEV2, ofMinutes(5), ofHours(2), "U0ALEX");
        h.openAction(old.id(), "Add a canary step", "U0SAM", h.inWeek(ofDays(-20)));
        h.openAction(old.id(), "Write the runbook", null, h.inWeek(ofDays(2)));

        DigestReport report = h.report();

        assertThat(report.quiet()).isTrue();
        assertThat(report.declared()).isEqualTo(new WeekCount(0, 1));
        assertThat(report.openActions()).extracting(FollowUp::text).containsExactly("Add a canary step",
                "Write the runbook");
        assertThat(report.backPressure().hours()).isZero();
        String markdown = report.toMarkdown();
        assertThat(markdown).contains("**Quiet week:** no incidents were declared (last week: 1).")
                .contains("## Open follow-ups")
                .contains("- #1 Incident 1: Add a canary step (@U0SAM, open 27 d 9 h) **(overdue)**")
                .contains("- #1 Incident 1: Write the runbook (no owner, open 5 d 9 h)")
                .doesNotContain("## Duty load").doesNotContain("## Back pressure");
    }

    @Test
    void drills_areMentionedOnlyOnceOneRan_andAFailureIsFlagged() {
        History h = new History("2026-W47", ZoneOffset.UTC);
        assertThat(h.report().toMarkdown()).doesNotContain("Backups", "restore drill");

        h.drills = new DrillFacts(Optional.of(h.inWeek(ofDays(2))), Optional.of(ofMillis(85)), false);
        assertThat(h.report().toMarkdown()).contains("## Backups\nThe last restore drill passed on ")
                .contains("; restoring the backup took 85 ms.");

        h.drills = new DrillFacts(Optional.of(h.inWeek(ofDays(2))), Optional.of(ofMillis(85)), true);
        assertThat(h.report().toMarkdown()).contains("⚠️ The last restore drill failed. The last that passed was on ");

        h.drills = new DrillFacts(Optional.empty(), Optional.empty(), true);
        assertThat(h.report().toMarkdown()).contains("⚠️ No restore drill has passed yet: the last one failed.");
    }

    @Test
    void premortems_areCountedOnlyInAWeekThatHadOne_withTheIncidentsTheyForesaw() {
        History h = new History("2026-W47", ZoneOffset.UTC);
        assertThat(h.report().toMarkdown()).doesNotContain("Pre-mortems");

        h.premortems = new PremortemCount(2, 0);
        assertThat(h.report().toMarkdown()).contains("## Pre-mortems\n2 pre-mortems held; 0 of the week's 0 incidents "
                + "were foreseen by one.");

        h.premortems = new PremortemCount(1, 1);
        assertThat(h.report().toMarkdown()).contains("1 pre-mortem held; 1 of the week's");
    }

    @Test
    void statusUpdates_areShownOnlyInAWeekThatHadThem() {
        History h = new History("2026-W47", ZoneOffset.UTC);
        assertThat(h.report().toMarkdown()).doesNotContain("Status updates");

        h.updates = new StatusUpdates(1, 0, 0);
        assertThat(h.report().toMarkdown()).contains("## Status updates\n1 status update (updates, status and severity "
                + "changes), 1 on time and 0 after a reminder; 0 reminders sent.");
    }

    @Test
    void emptyWeek_withNothingOpen_saysSo() {
        History h = new History("2026-W47", ZoneOffset.UTC);

        DigestReport report = h.report();

        assertThat(report.quiet()).isTrue();
        assertThat(report.toMarkdown()).contains("None: every follow-up is done.");
    }

    @Test
    void overlappingIncidents_countTheirHoursTwice_andAnUnresolvedOneRunsToNow() {
        History h = new History("2026-W47", ZoneOffset.UTC);
        h.incident(h.inWeek(ofHours(10)), Severity.SEV2, ofMinutes(3), ofHours(4), "U0ALEX");
        h.incident(h.inWeek(ofHours(11)), Severity.SEV3, ofMinutes(3), ofHours(4), "U0SAM");
        assertThat(h.report().backPressure().hours()).isEqualTo(8.0);

        h.incident(h.inWeek(ofDays(7).minusHours(1)), Severity.SEV3, null, null, "U0SAM");
        // asOf is Monday 09:00 after the week: the open one has run 10 hours.
        assertThat(h.report().backPressure().hours()).isEqualTo(18.0);
        assertThat(h.report().stillOpen()).singleElement()
                .satisfies(open -> assertThat(open.openFor()).isEqualTo(ofHours(10)));
    }

    @Test
    void backPressure_weighsTheFollowUpsOfIncidents_notThoseOfDrills() {
        History h = new History("2026-W47", ZoneOffset.UTC);
        h.settings = h.settings.withBudgetHours(20);
        IncidentFact real = h.incident(h.inWeek(ofHours(1)), Severity.SEV1, ofMinutes(2), ofHours(25), "U0ALEX");
        IncidentFact drill = h.drill(h.inWeek(ofHours(30)), Severity.SEV2, ofMinutes(1), ofHours(1), "U0SAM");
        h.openAction(real.id(), "Rate-limit the importer", "U0SAM", h.inWeek(ofHours(20)));
        h.openAction(drill.id(), "Rewrite the failover runbook", "U0SAM", h.inWeek(ofHours(32)));

        DigestReport report = h.report();

        assertThat(report.openActions()).as("a drill's follow-ups are still listed").hasSize(2);
        assertThat(report.backPressure().sentence()).endsWith("for the 1 open follow-up next week.");
    }

    @Test
    void drills_areKeptOutOfCountsResponseTimesStillOpenAndBackPressure_butCountInDutyLoad_andAreListedApart() {
        History h = new History("2026-W47", ZoneOffset.UTC);
        h.member("U0ALEX", MemberKind.ENGINEER).member("U0SAM", MemberKind.ENGINEER);
        h.settings = h.settings.withBudgetHours(20);
        for (int i = 0; i < 3; i++) {
            h.incident(h.inWeek(ofHours(10 + i)), Severity.SEV2, ofMinutes(4), ofHours(2), "U0ALEX");
        }
        h.drill(h.inWeek(ofHours(30)), Severity.SEV1, ofMinutes(1), ofMinutes(40), "U0SAM");
        h.drill(h.inWeek(ofHours(50)), Severity.SEV3, ofMinutes(1), ofHours(30), "U0SAM");
        h.drill(h.inWeek(ofDays(7).minusHours(1)), Severity.SEV2, null, null, "U0SAM");

        DigestReport report = h.report();

        assertThat(report.declared().thisWeek()).as("incidents, drills left out").isEqualTo(3);
        assertThat(report.bySeverity().get(Severity.SEV1).thisWeek()).isZero();
        assertThat(report.toAcknowledge().thisWeek().median()).contains(ofMinutes(4));
        assertThat(report.toResolve().thisWeek().worst()).contains(ofHours(2));
        assertThat(report.stillOpen()).as("the open drill is not an open incident").isEmpty();
        assertThat(report.backPressure().hours()).as("the 30-hour drill is not incident time").isEqualTo(6.0);
        assertThat(report.backPressure().overCapacity()).isFalse();
        assertThat(report.duty().people()).filteredOn(p -> p.userId().equals("U0SAM")).singleElement()
                .satisfies(p -> assertThat(p.ledThisWeek()).as("practice is work").isEqualTo(3));
        assertThat(report.practice()).hasSize(3);
        assertThat(report.toMarkdown()).contains("## Practice\nPractice: 3 drills — #4 Game day 4 (SEV1, led by "
                + "@U0SAM, resolved in 40 min); #5 Game day 5 (SEV3, led by @U0SAM, resolved in 1 d 6 h); #6 Game day 6 "
                + "(SEV2, led by @U0SAM, not resolved).");
    }

    @Test
    void aWeekOfDrillsAlone_isQuiet_andStillListsThem() {
        History h = new History("2026-W47", ZoneOffset.UTC);
        h.drill(h.inWeek(ofHours(30)), Severity.SEV2, ofMinutes(1), ofMinutes(40), "U0SAM");

        DigestReport report = h.report();

        assertThat(report.quiet()).isTrue();
        assertThat(report.toMarkdown()).contains("no incidents were declared")
                .contains("Practice: 1 drill — #1 Game day 1 (SEV2");
    }

    @Test
    void aWeekWithoutDrills_saysNothingOfPractice() {
        History h = new History("2026-W47", ZoneOffset.UTC);
        h.incident(h.inWeek(ofHours(10)), Severity.SEV2, ofMinutes(4), ofHours(2), "U0ALEX");

        assertThat(h.report().toMarkdown()).doesNotContain("Practice");
    }

    @Test
    void overBudget_signalsOverCapacity_andSuggestsTradingFeatureWork() {
        History h = new History("2026-W47", ZoneOffset.UTC);
        h.settings = h.settings.withBudgetHours(20);
        IncidentFact a = h.incident(h.inWeek(ofHours(1)), Severity.SEV1, ofMinutes(2), ofHours(15), "U0ALEX");
        h.incident(h.inWeek(ofHours(30)), Severity.SEV2, ofMinutes(2), ofHours(10), "U0SAM");
        h.openAction(a.id(), "Rate-limit the importer", "U0SAM", h.inWeek(ofHours(20)));
        h.openAction(a.id(), "Alert on queue depth", null, h.inWeek(ofHours(21)));

        BackPressure pressure = h.report().backPressure();

        assertThat(pressure.hours()).isEqualTo(25.0);
        assertThat(pressure.overCapacity()).isTrue();
        assertThat(pressure.sentence()).isEqualTo("Over capacity: 25.0 h of incidents against a budget of 20.0 h. "
                + "The team is spending more time on incidents than it can sustain; consider trading feature work "
                + "for the 2 open follow-ups next week.");
        assertThat(h.report().toMarkdown()).contains("⚠️ Over capacity");

        h.settings = h.settings.withBudgetHours(25);
        assertThat(h.report().backPressure().overCapacity()).isFalse();
        assertThat(h.report().backPressure().sentence()).endsWith("within capacity.");
    }

    @Test
    void overdueActions_areThoseOpenLongerThan14Days_oldestFirst_withOwners() {
        History h = new History("2026-W47", ZoneOffset.UTC);
        IncidentFact incident = h.incident(h.inWeek(ofHours(1)), Severity.SEV3, ofMinutes(1), ofHours(1), "U0ALEX");
        h.openAction(incident.id(), "fifteen", "U0B", h.asOf.minus(ofDays(15)));
        h.openAction(incident.id(), "thirty", "U0A", h.asOf.minus(ofDays(30)));
        h.openAction(incident.id(), "exactly fourteen", null, h.asOf.minus(ofDays(14)));
        h.openAction(incident.id(), "twenty", null, h.asOf.minus(ofDays(20)));
        h.openAction(incident.id(), "ten", "U0C", h.asOf.minus(ofDays(10)));

        DigestReport report = h.report();

        assertThat(report.overdue()).extracting(FollowUp::text).containsExactly("thirty", "twenty", "fifteen");
        assertThat(report.overdue()).extracting(FollowUp::owner).containsExactly("U0A", null, "U0B");
        assertThat(report.openActions()).hasSize(5);
        assertThat(report.toMarkdown()).contains("""
                Overdue (open more than 14 days, oldest first):
                - #1 Incident 1: thirty (@U0A, open 30 d 0 h)
                - #1 Incident 1: twenty (no owner, open 20 d 0 h)
                - #1 Incident 1: fifteen (@U0B, open 15 d 0 h)""");
    }

    @Test
    void hero_whoLedThreeOfFive_isWarnedAbout_asADependencyNotAFault() {
        History h = new History("2026-W47", ZoneOffset.UTC);
        h.incident(h.inWeek(ofDays(-20)), Severity.SEV3, ofMinutes(1), ofHours(1), "U0HERO");
        h.incident(h.inWeek(ofDays(-9)), Severity.SEV3, ofMinutes(1), ofHours(1), "U0SAM");
        h.incident(h.inWeek(ofDays(-2)), Severity.SEV3, ofMinutes(1), ofHours(1), "U0HERO");
        h.incident(h.inWeek(ofDays(1)), Severity.SEV3, ofMinutes(1), ofHours(1), "U0KIM");
        h.incident(h.inWeek(ofDays(2)), Severity.SEV2, ofMinutes(1), ofHours(1), "U0HERO");
        h.incident(h.inWeek(ofDays(-40)), Severity.SEV2, ofMinutes(1), ofHours(1), "U0SAM"); // outside 4 weeks

        DigestReport report = h.report();

        assertThat(report.dependencies()).singleElement().satisfies(d -> {
            assertThat(d.userId()).isEqualTo("U0HERO");
            assertThat(d.involved()).isEqualTo(3);
            assertThat(d.incidents()).isEqualTo(5);
            assertThat(d.service()).isEmpty();
        });
        assertThat(report.toMarkdown()).contains("## Single points of failure\n- The team depends on @U0HERO: they led "
                + "or were pulled into 3 of the last 5 incidents (60% over 4 weeks). That is a single point of "
                + "failure in how the work is shared, not anyone's fault");
    }

    @Test
    void peopleNamed_theDigestShowsTheirNames_asPlainText_inTheFileAndInSlack() {
        History h = new History("2026-W47", ZoneOffset.UTC);
        h.incident(h.inWeek(ofDays(-20)), Severity.SEV3, ofMinutes(1), ofHours(1), "U0HERO");
        h.incident(h.inWeek(ofDays(-2)), Severity.SEV3, ofMinutes(1), ofHours(1), "U0HERO");
        h.incident(h.inWeek(ofDays(2)), Severity.SEV2, ofMinutes(1), ofHours(1), "U0HERO");
        PersonNames names = userId -> userId.equals("U0HERO") ? "Hero Person" : "@" + userId;

        DigestReport report = h.report();

        assertThat(report.toMarkdown(names)).contains("| Hero Person | not on the roster | 1 |")
                .doesNotContain("U0HERO");
        assertThat(report.toSlackMarkdown(names)).contains("Hero Person").doesNotContain("U0HERO").doesNotContain("<@");
    }

    @Test
    void noWarning_atTheShareOrUnderTheMinimum() {
        History twoOfFive = new History("2026-W47", ZoneOffset.UTC);
        for (String lead : new String[] {"U0A", "U0A", "U0B", "U0C", "U0D"}) {
            twoOfFive.incident(twoOfFive.inWeek(ofDays(1)), Severity.SEV3, null, ofHours(1), lead);
        }
        assertThat(twoOfFive.report().dependencies()).isEmpty();

        History fourOnly = new History("2026-W47", ZoneOffset.UTC);
        for (String lead : new String[] {"U0A", "U0A", "U0A", "U0B"}) {
            fourOnly.incident(fourOnly.inWeek(ofDays(1)), Severity.SEV3, null, ofHours(1), lead);
        }
        assertThat(fourOnly.report().dependencies()).isEmpty();
    }

    @Test
    void pulledInAsResponder_countsToo() {
        History h = new History("2026-W47", ZoneOffset.UTC);
        for (String lead : new String[] {"U0A", "U0B", "U0C", "U0D", "U0E"}) {
            h.incident(h.inWeek(ofDays(1)), Severity.SEV1, null, ofHours(1), lead,
                    lead.equals("U0E") ? null : "U0MGR", null);
        }
        assertThat(h.report().dependencies()).extracting(Dependency::userId).containsExactly("U0MGR");
    }

    @Test
    void aPagerDutyServiceOnlyOnePersonTouched_isADependency_andAnUnknownServiceIsSkipped() {
        History h = new History("2026-W47", ZoneOffset.UTC);
        h.incident(h.inWeek(ofDays(1)), Severity.SEV3, null, ofHours(1), "U0SAM", null, "checkout-api");
        h.incident(h.inWeek(ofDays(-3)), Severity.SEV3, null, ofHours(1), "U0SAM", null, "checkout-api");
        h.incident(h.inWeek(ofDays(2)), Severity.SEV3, null, ofHours(1), "U0KIM", null, "search");
        h.incident(h.inWeek(ofDays(2)), Severity.SEV3, null, ofHours(1), "U0KIM", null, "billing");
        h.incident(h.inWeek(ofDays(3)), Severity.SEV3, null, ofHours(1), "U0ALEX", null, "billing");
        h.incident(h.inWeek(ofDays(3)), Severity.SEV3, null, ofHours(1), "U0ALEX", null, null);

        assertThat(h.report().dependencies()).singleElement().satisfies(d -> {
            assertThat(d.service()).contains("checkout-api");
            assertThat(d.sentence(u -> "@" + u, t -> t)).isEqualTo("Only @U0SAM has worked on the incidents of the "
                    + "PagerDuty service checkout-api (2 in 4 weeks): what the team knows about it lives with one "
                    + "person. Bring a second person into the next one.");
        });
    }

    @Test
    void fewerThanThreeIncidents_giveNotEnoughData_ratherThanAMedian() {
        History h = new History("2026-W47", ZoneOffset.UTC);
        h.incident(h.inWeek(ofHours(1)), Severity.SEV2, ofMinutes(4), ofHours(1), "U0A");
        h.incident(h.inWeek(ofHours(5)), Severity.SEV2, ofMinutes(8), ofHours(3), "U0B");

        DigestReport report = h.report();

        assertThat(report.toAcknowledge().thisWeek().enough()).isFalse();
        assertThat(report.toAcknowledge().thisWeek().median()).isEmpty();
        assertThat(report.toAcknowledge().trend()).isEmpty();
        assertThat(report.toMarkdown()).contains(
                "- Time to acknowledge: not enough data (2 recorded of 2 incidents; 3 needed)");
    }

    @Test
    void weekOverWeek_countsAndMediansCarryArrows() {
        History h = new History("2026-W47", ZoneOffset.UTC);
        h.incident(h.lastWeek(ofHours(1)), Severity.SEV1, ofMinutes(10), ofHours(2), "U0A");
        h.incident(h.lastWeek(ofHours(2)), Severity.SEV2, ofMinutes(20), ofHours(3), "U0A");
        h.incident(h.lastWeek(ofHours(3)), Severity.SEV3, ofMinutes(30), ofHours(4), "U0A");
        h.incident(h.inWeek(ofHours(1)), Severity.SEV2, ofMinutes(2), ofHours(5), "U0B");
        h.incident(h.inWeek(ofHours(2)), Severity.SEV2, ofMinutes(4), ofHours(6), "U0B");
        h.incident(h.inWeek(ofHours(3)), Severity.SEV3, ofMinutes(6), ofHours(7), "U0B");
        h.incident(h.inWeek(ofHours(4)), Severity.SEV4, ofMinutes(8), ofHours(9), "U0B");

        DigestReport report = h.report();

        assertThat(report.declared().trend()).isEqualTo(Trend.UP);
        assertThat(report.bySeverity()).isEqualTo(Map.of(Severity.SEV1, new WeekCount(0, 1),
                Severity.SEV2, new WeekCount(2, 1), Severity.SEV3, new WeekCount(1, 1),
                Severity.SEV4, new WeekCount(1, 0)));
        assertThat(report.toAcknowledge().thisWeek().median()).contains(ofMinutes(5));
        assertThat(report.toAcknowledge().thisWeek().worst()).contains(ofMinutes(8));
        assertThat(report.toAcknowledge().trend()).contains(Trend.DOWN);
        assertThat(report.toResolve().thisWeek().median()).contains(ofMinutes(390));
        assertThat(report.toResolve().trend()).contains(Trend.UP);
        assertThat(report.toMarkdown()).contains("4 incidents declared (last week 3 ↑).")
                .contains("- SEV1: 0 (last week 1 ↓)").contains("- SEV3: 1 (last week 1 →)")
                .contains("- Time to acknowledge: median 5 min, worst 8 min (last week: median 20 min ↓)")
                .contains("- Time to resolve: median 6 h 30 min, worst 9 h 0 min (last week: median 3 h 0 min ↑)");
    }

    @Test
    void dutyLoad_showsEngineersAndManagersSideBySide_andTheSpread() {
        History h = new History("2026-W47", ZoneOffset.UTC)
                .member("U0E1", MemberKind.ENGINEER).member("U0E2", MemberKind.ENGINEER)
                .member("U0E3", MemberKind.ENGINEER).member("U0M1", MemberKind.MANAGER);
        h.incident(h.inWeek(ofDays(1)), Severity.SEV1, null, ofHours(1), "U0E1", "U0M1", null);
        h.incident(h.inWeek(ofDays(2)), Severity.SEV3, null, ofHours(1), "U0E2");
        h.incident(h.inWeek(ofDays(3)), Severity.SEV3, null, ofHours(1), "U0M1");
        h.incident(h.inWeek(ofDays(4)), Severity.SEV3, null, ofHours(1), "U0E1");
        h.incident(h.inWeek(ofDays(-30)), Severity.SEV3, null, ofHours(1), "U0E1");
        h.incident(h.inWeek(ofDays(-100)), Severity.SEV3, null, ofHours(1), "U0E3"); // before the 12 weeks

        DutyLoad duty = h.report().duty();

        assertThat(duty.engineers()).isEqualTo(new DutyLoad.KindShare(MemberKind.ENGINEER, 3, 0.75, 3, 0.75, 4, 0.8));
        assertThat(duty.managers()).isEqualTo(new DutyLoad.KindShare(MemberKind.MANAGER, 1, 0.25, 1, 0.25, 1, 0.2));
        assertThat(duty.people()).containsExactly(
                new DutyLoad.Person("U0E1", Optional.of(MemberKind.ENGINEER), 2, 0, 3, 0),
                new DutyLoad.Person("U0E2", Optional.of(MemberKind.ENGINEER), 1, 0, 1, 0),
                new DutyLoad.Person("U0M1", Optional.of(MemberKind.MANAGER), 1, 1, 1, 1),
                new DutyLoad.Person("U0E3", Optional.of(MemberKind.ENGINEER), 0, 0, 0, 0));
        assertThat(duty.spread()).isEqualTo(3);
        assertThat(h.report().toMarkdown())
                .contains("| @U0E1 | engineer | 2 | 0 | 3 | 0 |")
                .contains("- Engineers: 3 on the roster (75%), led 3 this week (75%) and 4 over 12 weeks (80%)")
                .contains("- Managers: 1 on the roster (25%), led 1 this week (25%) and 1 over 12 weeks (20%)")
                .contains("Spread over 12 weeks: 3 leads between the most and the fewest.");
    }

    @Test
    void daylightSavingWeek_inBerlin_countsByLocalDays_andHoursByTheClock() {
        History h = new History("2026-W13", BERLIN); // Sunday 29 March loses an hour
        // 01:30 CET to 03:30 CEST on the switch night: one hour, not two.
        h.incident(Instant.parse("2026-03-29T00:30:00Z"), Severity.SEV2, ofMinutes(5), ofHours(1), "U0A");
        // Sunday 23:30 CEST is still this week; Monday 00:30 CEST is next week's.
        h.incident(Instant.parse("2026-03-29T21:30:00Z"), Severity.SEV3, ofMinutes(5), ofMinutes(30), "U0A");
        h.incident(Instant.parse("2026-03-29T22:30:00Z"), Severity.SEV3, ofMinutes(5), ofMinutes(30), "U0A");
        // Monday 00:30 CET is this week's first.
        h.incident(Instant.parse("2026-03-22T23:30:00Z"), Severity.SEV4, ofMinutes(5), ofMinutes(30), "U0A");

        DigestReport report = h.report();

        assertThat(report.declared().thisWeek()).isEqualTo(3);
        assertThat(report.backPressure().hours()).isCloseTo(2.0, within(1e-9));
        assertThat(report.toMarkdown()).startsWith("# Weekly learnings digest: 2026-W13 (Mon 23 Mar 2026 to "
                + "Sun 29 Mar 2026, Europe/Berlin)\n");
    }

    @Test
    void privateIncidents_areCounted_butTheirTitleAndTextsStayInTheirChannel() {
        History h = new History("2026-W47", ZoneOffset.UTC);
        IncidentFact secret = h.privateIncident(h.inWeek(ofDays(1)), "U0A");
        h.learned(secret.id(), "Payroll exports were world-readable");
        ActionItem item = h.openAction(secret.id(), "Rotate payroll keys", "U0A", h.inWeek(ofDays(2)));

        DigestReport report = h.report();

        assertThat(report.declared().thisWeek()).isEqualTo(1);
        assertThat(report.learnings()).singleElement().satisfies(l -> {
            assertThat(l.incident()).isEqualTo("#" + secret.id() + " (private incident)");
            assertThat(l.text()).doesNotContain("Payroll");
        });
        assertThat(report.toMarkdown()).doesNotContain("Payroll").doesNotContain("payroll")
                .contains("#" + secret.id() + " (private incident)");
        assertThat(report.actionsOpened()).extracting(FollowUp::id).containsExactly(item.id());
    }

    @Test
    void aPreview_ofTheWeekSoFar_saysSo() {
        History h = new History("2026-W47", ZoneOffset.UTC);
        h.asOf = h.inWeek(ofDays(3));
        h.incident(h.inWeek(ofDays(1)), Severity.SEV2, ofMinutes(5), null, "U0A");

        DigestReport report = h.report();

        assertThat(report.inProgress()).isTrue();
        assertThat(report.toMarkdown()).contains("_Preview of the week so far, as of 2026-11-19 00:00 Z._");
        assertThat(report.backPressure().hours()).isEqualTo(48.0);
    }

    @Test
    void generatedHistories_keepTheirInvariants() {
        Random random = new Random(42);
        Severity[] severities = Severity.values();
        for (int run = 0; run < 200; run++) {
            ZoneId zone = run % 2 == 0 ? BERLIN : ZoneId.of("America/New_York");
            History h = new History(IsoWeek.of(java.time.LocalDate.of(2026, 1, 1).plusWeeks(random.nextInt(52)))
                    .format(), zone);
            int n = random.nextInt(25);
            double hours = 0;
            int thisWeek = 0;
            for (int i = 0; i < n; i++) {
                Instant declared = h.inWeek(Duration.ofMinutes(random.nextInt(60 * 24 * 21) - 60L * 24 * 14));
                Duration resolve = random.nextInt(5) == 0 ? null : Duration.ofMinutes(1 + random.nextInt(2000));
                h.incident(declared, severities[random.nextInt(4)], Duration.ofMinutes(random.nextInt(30)), resolve,
                        "U0P" + random.nextInt(6));
                if (h.week.contains(declared, zone)) {
                    thisWeek++;
                    hours += (resolve != null ? resolve : Duration.between(declared, h.asOf)).toSeconds() / 3600.0;
                }
            }
            DigestReport report = h.report();
            assertThat(report.declared().thisWeek()).isEqualTo(thisWeek);
            assertThat(report.bySeverity().values().stream().mapToInt(WeekCount::thisWeek).sum()).isEqualTo(thisWeek);
            assertThat(report.backPressure().hours()).isCloseTo(hours, within(1e-6));
            assertThat(report.quiet()).isEqualTo(thisWeek == 0);
            assertThat(report.toMarkdown()).startsWith("# Weekly learnings digest: " + h.week);
        }
    }
}
