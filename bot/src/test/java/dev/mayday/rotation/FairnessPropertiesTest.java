package dev.mayday.rotation;

import dev.mayday.incident.Severity;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rotation's promises, over random rosters, absences, joins, leaves and hand-offs. "Available throughout" are
 * the core members of each scenario: on the roster from the start and never away.
 */
class FairnessPropertiesTest {

    private static final double EPSILON = 1e-9;

    @Property(tries = 400)
    void withoutHandOffs_membersAvailableThroughoutNeverDifferByMoreThanOneLead(
            @ForAll("withoutHandOffs") Scenario scenario) {
        ScenarioRun.play(scenario, event -> {
            List<Member> core = core(event.after());
            assertThat(spread(core, m -> (double) m.lead().turns())).isLessThanOrEqualTo(1.0);
            for (MemberKind kind : MemberKind.values()) {
                List<Member> ofKind = core.stream().filter(m -> m.kind() == kind).toList();
                assertThat(spread(ofKind, m -> (double) m.responder().turns()))
                        .as("second-responder turns among core " + kind.plural()).isLessThanOrEqualTo(1.0);
            }
        });
    }

    @Property(tries = 400)
    void withHandOffs_noAutomaticPickWidensTheGap(@ForAll("withHandOffs") Scenario scenario) {
        ScenarioRun.play(scenario, event -> {
            double before = spread(core(event.before()), m -> m.deficit(DutyRole.LEAD));
            double after = spread(core(event.after()), m -> m.deficit(DutyRole.LEAD));
            // a pick is one whole incident: a gap under one may grow up to one, never past it, and a wider gap never grows
            assertThat(after).isLessThanOrEqualTo(Math.max(before, 1.0) + EPSILON);
        });
    }

    @Property(tries = 400)
    void awayTimeEarnsNothing(@ForAll("withHandOffs") Scenario scenario) {
        ScenarioRun.play(scenario, event -> {
            Map<String, Member> after = event.after().stream().collect(Collectors.toMap(Member::userId, m -> m));
            for (Member was : event.before()) {
                if (event.away().contains(was.userId()) || !was.onRoster()) {
                    assertThat(after.get(was.userId())).as("ledgers of " + was.userId() + " while away or gone")
                            .isEqualTo(was);
                }
            }
        });
    }

    @Property(tries = 400)
    void aNewcomerIsNeverPickedTwiceInARowBecauseOfJoining(@ForAll("withHandOffs") Scenario scenario) {
        ScenarioRun.play(scenario, event -> {
            String newcomer = event.joinedBeforePrevious();
            if (newcomer != null && newcomer.equals(event.previousLead())) {
                assertThat(event.picked().lead().userId()).isNotEqualTo(newcomer);
            }
        });
    }

    @Property(tries = 300)
    void backPressure_nobodyLeadingAnOpenIncidentIsPickedWhileSomeoneElseIsFree(
            @ForAll("withOpenIncidents") Scenario scenario) {
        ScenarioRun.play(scenario, event -> {
            String lead = event.picked().lead().userId();
            List<String> available = event.before().stream().filter(Member::onRoster).map(Member::userId)
                    .filter(id -> !event.away().contains(id)).toList();
            if (event.busy().contains(lead)) {
                assertThat(event.busy()).containsAll(available);
            }
        });
    }

    @Property(tries = 200)
    void engineersAndManagersAreTreatedAlike_swappingKindsChangesNoLead(@ForAll("withHandOffs") Scenario scenario) {
        assertThat(leads(flipped(scenario))).isEqualTo(leads(scenario));
    }

    @Provide
    Arbitrary<Scenario> withoutHandOffs() {
        return scenarios(false, false);
    }

    @Provide
    Arbitrary<Scenario> withHandOffs() {
        return scenarios(true, false);
    }

    @Provide
    Arbitrary<Scenario> withOpenIncidents() {
        return scenarios(true, true);
    }

    private static Arbitrary<Scenario> scenarios(boolean handOffs, boolean longIncidents) {
        Arbitrary<MemberKind> kinds = Arbitraries.of(MemberKind.class);
        Arbitrary<String> extras = Arbitraries.of(Scenario.EXTRAS);
        Arbitrary<Integer> openHours = longIncidents ? Arbitraries.integers().between(0, 12) : Arbitraries.just(0);
        List<String> everyone = new ArrayList<>(Scenario.EXTRAS);
        IntStream.range(0, 6).mapToObj(Scenario::coreId).forEach(everyone::add);
        everyone.add(Scenario.OUTSIDER);
        List<Tuple2<Integer, Arbitrary<Scenario.Step>>> steps = new ArrayList<>(List.of(
                Tuple.of(8, step(Combinators.combine(Arbitraries.of(Severity.class), openHours)
                        .as(Scenario.Declare::new))),
                Tuple.of(2, step(Combinators.combine(extras, kinds).as(Scenario.Join::new))),
                Tuple.of(1, step(extras.map(Scenario.Leave::new))),
                Tuple.of(2, step(Combinators.combine(extras, Arbitraries.integers().between(1, 72))
                        .as(Scenario.Away::new))),
                Tuple.of(1, step(Arbitraries.integers().between(1, 48).map(Scenario.Tick::new)))));
        if (handOffs) {
            steps.add(Tuple.of(2, step(Combinators.combine(Arbitraries.integers().between(0, 5),
                    Arbitraries.of(everyone)).as(Scenario.HandOff::new))));
        }
        @SuppressWarnings("unchecked")
        Arbitrary<Scenario.Step> step = Arbitraries.frequencyOf(steps.toArray(new Tuple2[0]));
        return Combinators.combine(kinds.list().ofMinSize(1).ofMaxSize(6), step.list().ofMaxSize(120))
                .as(Scenario::new);
    }

    private static Arbitrary<Scenario.Step> step(Arbitrary<? extends Scenario.Step> arbitrary) {
        return arbitrary.map(s -> (Scenario.Step) s);
    }

    private static List<Member> core(List<Member> members) {
        return members.stream().filter(m -> m.userId().startsWith("C")).toList();
    }

    private static double spread(List<Member> members, Function<Member, Double> value) {
        return members.stream().mapToDouble(value::apply).max().orElse(0)
                - members.stream().mapToDouble(value::apply).min().orElse(0);
    }

    private static List<String> leads(Scenario scenario) {
        List<String> leads = new ArrayList<>();
        ScenarioRun.play(scenario, event -> leads.add(event.picked().lead().userId()));
        return leads;
    }

    private static Scenario flipped(Scenario scenario) {
        List<Scenario.Step> steps = scenario.steps().stream()
                .map(s -> s instanceof Scenario.Join j ? new Scenario.Join(j.user(), j.kind().other()) : s).toList();
        return new Scenario(scenario.core().stream().map(MemberKind::other).toList(), steps);
    }
}
