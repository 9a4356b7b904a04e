package dev.mayday.rotation;

import dev.mayday.incident.Severity;

import java.util.List;

/**
 * A random history for the fairness properties: a core of members who join at the start and are never away or
 * gone, and steps that declare incidents, bring extra members in and out, send them away, hand leads over and let
 * time pass.
 */
record Scenario(List<MemberKind> core, List<Step> steps) {

    static final List<String> EXTRAS = List.of("X1", "X2", "X3", "X4");
    static final String OUTSIDER = "O1";

    static String coreId(int index) {
        return "C" + index;
    }

    sealed interface Step permits Declare, Join, Leave, Away, HandOff, Tick {
    }

    /** An incident, resolved before the next step unless {@code openHours} keeps it open longer. */
    record Declare(Severity severity, int openHours) implements Step {
    }

    record Join(String user, MemberKind kind) implements Step {
    }

    record Leave(String user) implements Step {
    }

    record Away(String user, int hours) implements Step {
    }

    /** Hands the lead of the {@code back}-th most recent incident (modulo their number) to {@code to}. */
    record HandOff(int back, String to) implements Step {
    }

    record Tick(int hours) implements Step {
    }
}
