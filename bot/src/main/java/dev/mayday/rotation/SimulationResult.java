package dev.mayday.rotation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How one strategy shared the simulated incidents: leads per member, the spread of leads and of deficits (fair share
 * minus leads), each kind's share of the leads, the longest run of consecutive incidents led by one person, and
 * how many incidents found nobody available.
 */
public record SimulationResult(String strategy, Map<String, Integer> leads, int leadSpread, double deficitSpread,
                               double engineersShare, double managersShare, int longestStreak, int unassigned) {

    static SimulationResult of(String strategy, List<Member> members, Map<String, Double> shares,
                               List<String> leadOrder) {
        Map<String, Integer> leads = new LinkedHashMap<>();
        members.forEach(m -> leads.put(m.userId(), 0));
        leadOrder.stream().filter(Objects::nonNull).forEach(id -> leads.merge(id, 1, Integer::sum));
        int leadSpread = leads.values().stream().mapToInt(Integer::intValue).max().orElse(0)
                - leads.values().stream().mapToInt(Integer::intValue).min().orElse(0);
        double maxDeficit = Double.NEGATIVE_INFINITY;
        double minDeficit = Double.POSITIVE_INFINITY;
        for (Member member : members) {
            double deficit = shares.get(member.userId()) - leads.get(member.userId());
            maxDeficit = Math.max(maxDeficit, deficit);
            minDeficit = Math.min(minDeficit, deficit);
        }
        int total = leads.values().stream().mapToInt(Integer::intValue).sum();
        int byEngineers = members.stream().filter(m -> m.kind() == MemberKind.ENGINEER)
                .mapToInt(m -> leads.get(m.userId())).sum();
        double engineers = total == 0 ? 0 : (double) byEngineers / total;
        return new SimulationResult(strategy, leads, leadSpread, members.isEmpty() ? 0 : maxDeficit - minDeficit,
                engineers, total == 0 ? 0 : 1 - engineers, longestStreak(leadOrder),
                (int) leadOrder.stream().filter(Objects::isNull).count());
    }

    private static int longestStreak(List<String> leadOrder) {
        int longest = 0;
        int run = 0;
        String previous = null;
        for (String lead : leadOrder) {
            run = lead != null && lead.equals(previous) ? run + 1 : (lead == null ? 0 : 1);
            previous = lead;
            longest = Math.max(longest, run);
        }
        return longest;
    }
}
