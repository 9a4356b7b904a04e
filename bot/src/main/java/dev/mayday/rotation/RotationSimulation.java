package dev.mayday.rotation;

import dev.mayday.incident.Severity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code simulate-rotation}: the fair rule against a naive round robin and a random pick, over the same made-up
 * team, absences and incidents, so the difference shows. The fair rule is the bot's own ({@link DutyRoster}),
 * back pressure included; the other two skip only who is away. Deterministic for a seed.
 */
public final class RotationSimulation {

    /** The printed table: per-person leads under each strategy, then each strategy's spread, shares and streaks. */
    public String run(int members, int incidents, long seed) {
        SimulatedTeam team = SimulatedTeam.draw(members, incidents, seed);
        return SimulationTable.render(team, seed, fairShares(team), compare(team, seed));
    }

    /** The three strategies' results, fair first. */
    public List<SimulationResult> compare(int members, int incidents, long seed) {
        return compare(SimulatedTeam.draw(members, incidents, seed), seed);
    }

    private static List<SimulationResult> compare(SimulatedTeam team, long seed) {
        Map<String, Double> shares = fairShares(team);
        List<Strategy> strategies = List.of(new Fair(team), new RoundRobin(team), new RandomPick(team, seed));
        List<SimulationResult> results = new ArrayList<>();
        for (Strategy strategy : strategies) {
            results.add(SimulationResult.of(strategy.name(), team.members(), shares, play(team, strategy)));
        }
        return results;
    }

    /** Who led each incident (null when nobody was available), in order. */
    private static List<String> play(SimulatedTeam team, Strategy strategy) {
        List<String> leads = new ArrayList<>();
        for (SimulatedTeam.SimulatedIncident incident : team.incidents()) {
            Set<String> busy = new HashSet<>();
            for (int i = 0; i < leads.size(); i++) {
                if (leads.get(i) != null && team.incidents().get(i).resolvedAt().isAfter(incident.at())) {
                    busy.add(leads.get(i));
                }
            }
            leads.add(strategy.pick(incident.at(), busy).orElse(null));
        }
        return leads;
    }

    /** What each member accrued: 1/N of every incident among the N available at the time. Same for every strategy. */
    static Map<String, Double> fairShares(SimulatedTeam team) {
        Map<String, Double> shares = team.members().stream()
                .collect(Collectors.toMap(Member::userId, m -> 0.0, (a, b) -> a, LinkedHashMap::new));
        for (SimulatedTeam.SimulatedIncident incident : team.incidents()) {
            List<String> available = team.available(incident.at());
            available.forEach(id -> shares.merge(id, 1.0 / available.size(), Double::sum));
        }
        return shares;
    }

    private interface Strategy {
        String name();

        Optional<String> pick(Instant at, Set<String> busy);
    }

    private static final class Fair implements Strategy {
        private final DutyRoster roster;
        private long seq;

        Fair(SimulatedTeam team) {
            roster = new DutyRoster(team.members(), team.absences());
        }

        @Override
        public String name() {
            return "fair";
        }

        @Override
        public Optional<String> pick(Instant at, Set<String> busy) {
            return roster.assign(at, Severity.SEV3, busy, Set.of(), ++seq).map(p -> p.lead().userId());
        }
    }

    private static final class RoundRobin implements Strategy {
        private final SimulatedTeam team;
        private int next;

        RoundRobin(SimulatedTeam team) {
            this.team = team;
        }

        @Override
        public String name() {
            return "round robin";
        }

        @Override
        public Optional<String> pick(Instant at, Set<String> busy) {
            List<Member> order = team.members();
            for (int step = 0; step < order.size(); step++) {
                int index = (next + step) % order.size();
                if (!team.isAway(order.get(index).userId(), at)) {
                    next = index + 1;
                    return Optional.of(order.get(index).userId());
                }
            }
            return Optional.empty();
        }
    }

    private static final class RandomPick implements Strategy {
        private final SimulatedTeam team;
        private final Random random;

        RandomPick(SimulatedTeam team, long seed) {
            this.team = team;
            this.random = new Random(seed * 31 + 7);
        }

        @Override
        public String name() {
            return "random";
        }

        @Override
        public Optional<String> pick(Instant at, Set<String> busy) {
            List<String> available = team.available(at);
            return available.isEmpty() ? Optional.empty()
                    : Optional.of(available.get(random.nextInt(available.size())));
        }
    }
}
