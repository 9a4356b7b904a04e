package dev.mayday.rotation;

import java.util.List;

/**
 * The one line that tells the people picked why it was them, e.g. "picked by rotation: led 3 of the last 20, the
 * furthest behind a fair share among 7 available".
 */
final class PickReason {

    static final String NOBODY_AVAILABLE = "nobody on the duty roster is available, so the declarer leads";

    private PickReason() {
    }

    /** {@code recentLeads}: who led each of the incidents before this one, newest first. */
    static String of(Picked picked, List<String> recentLeads) {
        Pick lead = picked.lead();
        long led = recentLeads.stream().filter(lead.userId()::equals).count();
        StringBuilder line = new StringBuilder("picked by rotation: ")
                .append(recentLeads.isEmpty() ? "the first incident on record"
                        : "led " + led + " of the last " + recentLeads.size())
                .append(", ").append(standing(lead, "one", "available"));
        picked.pairedResponder().ifPresent(responder -> line.append("; responder: ")
                .append(standing(responder, responder.kind().label(), "available " + responder.kind().plural())));
        return line.toString();
    }

    private static String standing(Pick pick, String one, String among) {
        String who;
        if (pick.poolSize() == 1) {
            who = "the only " + one + " available";
        } else if (pick.tied()) {
            who = "level furthest behind a fair share and longest without a turn among " + pick.poolSize() + " "
                    + among;
        } else {
            who = "the furthest behind a fair share among " + pick.poolSize() + " " + among;
        }
        if (pick.everyoneBusy()) {
            return who + " (all of them busy with open incidents)";
        }
        return pick.skippedBusy() == 0 ? who
                : who + " (" + pick.skippedBusy() + " skipped: busy with an open incident)";
    }
}
