package dev.mayday.digest;

import dev.mayday.rotation.MemberKind;

import java.util.List;
import java.util.Optional;

/**
 * How incident duty was shared: per person, this week and over {@code historyWeeks} weeks; each kind's share of leads
 * beside its share of the roster; and the spread (most minus fewest leads over the history among the people listed).
 */
public record DutyLoad(List<Person> people, KindShare engineers, KindShare managers, int spread, int historyWeeks) {

    public DutyLoad {
        people = List.copyOf(people);
    }

    /** Incidents led and responded to; {@code kind} is empty for someone never on the roster. */
    public record Person(String userId, Optional<MemberKind> kind, int ledThisWeek, int respondedThisWeek,
                         int ledInHistory, int respondedInHistory) {
    }

    /** One kind: members on the roster and leads this week and over the history, each also as a share (0–1). */
    public record KindShare(MemberKind kind, int members, double rosterShare, int leadsThisWeek, double weekShare,
                            int leadsInHistory, double historyShare) {
    }
}
