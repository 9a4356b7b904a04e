package dev.mayday.rotation;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** Renders the simulation as a plain-text table for a terminal. */
final class SimulationTable {

    private SimulationTable() {
    }

    static String render(SimulatedTeam team, long seed, Map<String, Double> shares, List<SimulationResult> results) {
        long managers = team.members().stream().filter(m -> m.kind() == MemberKind.MANAGER).count();
        long engineers = team.members().size() - managers;
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Duty rotation simulation: %d members (%d engineers, %d managers), "
                + "%d incidents over %d days, seed %d%n", team.members().size(), engineers, managers,
                team.incidents().size(), team.days(), seed));
        out.append("Each member is away about 10% of the time in blocks of 2-10 days; incidents last 30 min to 6 h.\n");
        out.append("The fair rule also skips whoever leads an open incident; round robin and random skip only "
                + "who is away.\n\n");
        out.append(String.format(Locale.ROOT, "%-8s %-9s %5s %10s |", "member", "kind", "away", "fair share"));
        results.forEach(r -> out.append(String.format(Locale.ROOT, " %12s", r.strategy())));
        out.append('\n');
        for (Member member : team.members()) {
            out.append(String.format(Locale.ROOT, "%-8s %-9s %4.0f%% %10.1f |", member.userId(), member.kind().label(),
                    team.awayShare(member.userId()) * 100, shares.get(member.userId())));
            results.forEach(r -> out.append(String.format(Locale.ROOT, " %12d", r.leads().get(member.userId()))));
            out.append('\n');
        }
        out.append('\n').append(String.format(Locale.ROOT, "%-35s", ""));
        results.forEach(r -> out.append(String.format(Locale.ROOT, " %12s", r.strategy())));
        out.append('\n');
        row(out, "leads spread (max - min)", results, r -> String.valueOf(r.leadSpread()));
        row(out, "deficit spread (max - min)", results, r -> String.format(Locale.ROOT, "%.1f", r.deficitSpread()));
        int size = team.members().size();
        row(out, String.format(Locale.ROOT, "engineers' share (roster %.1f%%)", 100.0 * engineers / size),
                results, r -> String.format(Locale.ROOT, "%.1f%%", r.engineersShare() * 100));
        row(out, String.format(Locale.ROOT, "managers' share (roster %.1f%%)", 100.0 * managers / size),
                results, r -> String.format(Locale.ROOT, "%.1f%%", r.managersShare() * 100));
        row(out, "longest streak by one person", results, r -> String.valueOf(r.longestStreak()));
        row(out, "incidents with nobody available", results, r -> String.valueOf(r.unassigned()));
        return out.toString();
    }

    private static void row(StringBuilder out, String label, List<SimulationResult> results,
                            Function<SimulationResult, String> cell) {
        out.append(String.format(Locale.ROOT, "%-35s", label));
        results.forEach(r -> out.append(String.format(Locale.ROOT, " %12s", cell.apply(r))));
        out.append('\n');
    }
}
