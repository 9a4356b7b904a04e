package dev.mayday.digest;

import dev.mayday.postmortem.PersonNames;

import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A single point of failure: the team depends on one person, for incidents in general ({@code service} empty) or for
 * one PagerDuty service. Phrased as a property of how work is shared, never as anyone's fault.
 */
public record Dependency(String userId, Optional<String> service, int involved, int incidents, int weeks) {

    public double share() {
        return incidents == 0 ? 0 : (double) involved / incidents;
    }

    /** {@code text} writes what PagerDuty named (the service) for where the sentence goes. */
    public String sentence(PersonNames names, UnaryOperator<String> text) {
        String who = names.name(userId);
        if (service.isPresent()) {
            return "Only " + who + " has worked on the incidents of the PagerDuty service " + text.apply(service.get()) + " ("
                    + involved + " in " + weeks + " weeks): what the team knows about it lives with one person. "
                    + "Bring a second person into the next one.";
        }
        return "The team depends on " + who + ": they led or were pulled into " + involved + " of the last "
                + incidents + " incidents (" + Math.round(share() * 100) + "% over " + weeks + " weeks). "
                + "That is a single point of failure in how the work is shared, not anyone's fault: pair someone "
                + "else with them on the next incidents and write down what only they know.";
    }
}
