package dev.mayday.rotation;

import dev.mayday.incident.IncidentRuleViolation;
import dev.mayday.incident.Severity;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The rotation's rules, one example each, on an in-memory roster. */
class DutyRosterTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    private final DutyRoster roster = DutyRoster.empty();
    private long seq;

    private String lead(Instant at) {
        return roster.assign(at, Severity.SEV3, Set.of(), Set.of(), ++seq).orElseThrow().lead().userId();
    }

    private Picked assign(Instant at, Severity severity, Set<String> busy) {
        return roster.assign(at, severity, busy, busy, ++seq).orElseThrow();
    }

    private Member member(String id) {
        return roster.member(id).orElseThrow();
    }

    private void joinAll(MemberKind kind, String... ids) {
        for (String id : ids) {
            roster.join(id, kind, T0);
        }
    }

    @Test
    void lead_isTheAvailableMemberWithTheLargestDeficit() {
        joinAll(MemberKind.ENGINEER, "A", "B", "C");
        assertThat(List.of(lead(T0), lead(T0), lead(T0))).containsExactly("A", "B", "C");
        // everyone has led once and accrued 1: level again, so the least recently assigned goes first
        assertThat(lead(T0)).isEqualTo("A");
        assertThat(member("A").lead().turns()).isEqualTo(2);
        assertThat(member("B").lead().share()).isCloseTo(4.0 / 3, within(1e-9));
    }

    @Test
    void ties_goToTheLeastRecentlyAssigned_thenToUserIdOrder() {
        roster.join("B", MemberKind.ENGINEER, T0);
        roster.join("A", MemberKind.ENGINEER, T0);
        assertThat(lead(T0)).as("never assigned, level: user id decides").isEqualTo("A");
        roster.handOff("A", true, "B", ++seq);
        // both level again (A gave the turn to B); A's last assignment is older than B's
        assertThat(member("A").deficit(DutyRole.LEAD)).isCloseTo(member("B").deficit(DutyRole.LEAD) + 1, within(1e-9));
        assertThat(lead(T0)).isEqualTo("A");
    }

    @Test
    void engineersAndManagers_areOnePool_treatedAlike() {
        joinAll(MemberKind.ENGINEER, "E1", "E2");
        joinAll(MemberKind.MANAGER, "M1");
        assertThat(List.of(lead(T0), lead(T0), lead(T0), lead(T0), lead(T0), lead(T0)))
                .containsExactly("E1", "E2", "M1", "E1", "E2", "M1");
    }

    @Test
    void awayMember_isSkipped_andAccruesNothing_andComesBackWhereTheyWere() {
        joinAll(MemberKind.ENGINEER, "A", "B", "C");
        roster.addAbsence(new Absence("A", T0, T0.plus(Duration.ofDays(3))));
        Ledger before = member("A").lead();

        List<String> whileAway = List.of(lead(T0.plusSeconds(1)), lead(T0.plusSeconds(2)), lead(T0.plusSeconds(3)));

        assertThat(whileAway).doesNotContain("A");
        assertThat(member("A").lead()).isEqualTo(before);
        assertThat(member("B").lead().share()).isCloseTo(1.5, within(1e-9));
        // back: neither owed for the time away nor owing, A is level with the pool's mean (0) and takes a normal turn
        Instant later = T0.plus(Duration.ofDays(4));
        assertThat(member("A").deficit(DutyRole.LEAD)).isZero();
        assertThat(List.of(lead(later), lead(later), lead(later))).containsExactly("C", "A", "B");
    }

    @Test
    void newcomer_startsAtTheMeanDeficitOfTheAvailable_notOwedAFlood() {
        joinAll(MemberKind.ENGINEER, "A", "B");
        for (int i = 0; i < 9; i++) {
            lead(T0);
        }
        double mean = (member("A").deficit(DutyRole.LEAD) + member("B").deficit(DutyRole.LEAD)) / 2;

        Member newcomer = roster.join("N", MemberKind.ENGINEER, T0);

        assertThat(newcomer.deficit(DutyRole.LEAD)).isCloseTo(mean, within(1e-9));
        assertThat(newcomer.lead().turns()).isZero();
        List<String> next = List.of(lead(T0), lead(T0), lead(T0), lead(T0), lead(T0), lead(T0));
        assertThat(next).filteredOn("N"::equals).hasSize(2);
    }

    @Test
    void rejoining_startsLevelAgain_andKeepsPastLeads() {
        joinAll(MemberKind.ENGINEER, "A", "B", "C");
        lead(T0);
        roster.leave("A", T0);
        for (int i = 0; i < 6; i++) {
            lead(T0);
        }

        Member back = roster.join("A", MemberKind.MANAGER, T0.plusSeconds(10));

        assertThat(back.onRoster()).isTrue();
        assertThat(back.kind()).isEqualTo(MemberKind.MANAGER);
        assertThat(back.lead().turns()).isEqualTo(1);
        assertThat(back.deficit(DutyRole.LEAD)).isCloseTo(
                (member("B").deficit(DutyRole.LEAD) + member("C").deficit(DutyRole.LEAD)) / 2, within(1e-9));
    }

    @Test
    void handOff_movesTheCreditFromTheOldLeadToTheNewOne() {
        joinAll(MemberKind.ENGINEER, "A", "B");
        lead(T0);

        boolean credited = roster.handOff("A", true, "B", ++seq);

        assertThat(credited).isTrue();
        assertThat(member("A").lead().turns()).isZero();
        assertThat(member("B").lead().turns()).isEqualTo(1);
    }

    @Test
    void handOff_toSomeoneOffTheRoster_onlyGivesTheCreditBack_andAnUncreditedLeadGivesNothing() {
        joinAll(MemberKind.ENGINEER, "A");
        lead(T0);

        assertThat(roster.handOff("A", true, "OUTSIDER", ++seq)).isFalse();
        assertThat(member("A").lead().turns()).isZero();
        assertThat(roster.handOff("OUTSIDER", false, "A", ++seq)).isTrue();
        assertThat(member("A").lead().turns()).isEqualTo(1);
    }

    @Test
    void backPressure_skipsWhoeverLeadsAnOpenIncident_whileAnyoneElseIsAvailable() {
        joinAll(MemberKind.ENGINEER, "A", "B", "C");
        Picked picked = assign(T0, Severity.SEV3, Set.of("A", "B"));
        assertThat(picked.lead().userId()).isEqualTo("C");
        assertThat(picked.lead().skippedBusy()).isEqualTo(2);

        Picked allBusy = assign(T0, Severity.SEV3, Set.of("A", "B", "C"));
        assertThat(allBusy.lead().userId()).as("everyone busy: the most owed still leads").isEqualTo("A");
        assertThat(allBusy.lead().everyoneBusy()).isTrue();
    }

    @Test
    void nobodyAvailable_picksNobody() {
        assertThat(roster.assign(T0, Severity.SEV1, Set.of(), Set.of(), 1)).isEmpty();
        joinAll(MemberKind.ENGINEER, "A");
        roster.addAbsence(new Absence("A", T0, T0.plusSeconds(60)));
        assertThat(roster.assign(T0, Severity.SEV1, Set.of(), Set.of(), 2)).isEmpty();
        assertThat(member("A").lead()).isEqualTo(Ledger.EMPTY);
    }

    @Test
    void sev1AndSev2_pairAResponderOfTheOtherKind_fromTheirOwnLedger() {
        joinAll(MemberKind.ENGINEER, "E1", "E2");
        joinAll(MemberKind.MANAGER, "M1", "M2");

        Picked first = assign(T0, Severity.SEV1, Set.of());
        Picked second = assign(T0, Severity.SEV2, Set.of());
        Picked third = assign(T0, Severity.SEV2, Set.of());

        assertThat(first.lead().userId()).isEqualTo("E1");
        assertThat(first.responder().userId()).isEqualTo("M1");
        assertThat(second.lead().userId()).isEqualTo("E2");
        assertThat(second.responder().userId()).isEqualTo("M2");
        assertThat(third.lead().userId()).isEqualTo("M1");
        assertThat(third.responder().userId()).as("an engineer for a manager lead").isEqualTo("E1");
        assertThat(member("M1").responder().turns()).isEqualTo(1);
        assertThat(member("M1").lead().turns()).as("separate ledgers").isEqualTo(1);
        assertThat(member("E1").responder().share()).as("only engineers accrue engineer responder duty")
                .isCloseTo(0.5, within(1e-9));
        assertThat(member("M1").responder().share()).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void sev3AndSev4_haveNoResponder_andNoneWhenTheOtherKindIsAway() {
        joinAll(MemberKind.ENGINEER, "E1");
        joinAll(MemberKind.MANAGER, "M1");
        assertThat(assign(T0, Severity.SEV3, Set.of()).responder()).isNull();
        assertThat(assign(T0, Severity.SEV4, Set.of()).responder()).isNull();
        roster.addAbsence(new Absence("M1", T0, T0.plusSeconds(60)));
        Picked picked = assign(T0, Severity.SEV1, Set.of());
        assertThat(picked.lead().userId()).isEqualTo("E1");
        assertThat(picked.pairedResponder()).isEmpty();
    }

    @Test
    void joiningTwice_orLeavingWhenNotOnTheRoster_isRefused() {
        joinAll(MemberKind.ENGINEER, "A");
        assertThatThrownBy(() -> roster.join("A", MemberKind.MANAGER, T0))
                .isInstanceOf(IncidentRuleViolation.class).hasMessageContaining("already on the duty roster");
        assertThatThrownBy(() -> roster.leave("B", T0))
                .isInstanceOf(IncidentRuleViolation.class).hasMessageContaining("not on the duty roster");
        assertThat(roster.changed()).extracting(Member::userId).containsExactly("A");
    }

    @Test
    void lineUp_putsBusyMembersLast_inDeficitOrder() {
        joinAll(MemberKind.ENGINEER, "A", "B", "C");
        lead(T0);
        List<Member> line = FairRule.lineUp(roster.available(T0), DutyRole.LEAD, Set.of("B"));
        assertThat(line).extracting(Member::userId).containsExactly("C", "A", "B");
    }
}
