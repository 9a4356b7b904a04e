package dev.mayday.rotation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One change to someone's place on the duty roster, with who made it: {@code actor} changed {@code target}'s place at
 * {@code at}. A change to someone else owes them a direct message; a change to yourself does not.
 */
public sealed interface RosterChange {

    Instant at();

    String actor();

    String target();

    /** Made by somebody other than the person it concerns. */
    default boolean bySomeoneElse() {
        return !actor().equals(target());
    }

    /** Put on the roster (joined, or added by someone) as {@code kind}. */
    record Joined(Instant at, String actor, String target, MemberKind kind) implements RosterChange {
        public Joined {
            requireParties(at, actor, target);
            Objects.requireNonNull(kind, "kind");
        }
    }

    /** Taken off the roster (left, or removed by someone). */
    record Left(Instant at, String actor, String target) implements RosterChange {
        public Left {
            requireParties(at, actor, target);
        }
    }

    /** Marked away from {@code firstDay} through {@code lastDay}, days in the team's time zone. */
    record Away(Instant at, String actor, String target, LocalDate firstDay, LocalDate lastDay) implements RosterChange {
        public Away {
            requireParties(at, actor, target);
            Objects.requireNonNull(firstDay, "firstDay");
            Objects.requireNonNull(lastDay, "lastDay");
        }
    }

    /** Marked back: time away under way ended and time away planned dropped. */
    record Back(Instant at, String actor, String target) implements RosterChange {
        public Back {
            requireParties(at, actor, target);
        }
    }

    private static void requireParties(Instant at, String actor, String target) {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(target, "target");
    }
}
