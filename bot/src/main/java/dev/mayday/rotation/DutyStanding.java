package dev.mayday.rotation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The roster as {@code /incident duty list} and the App Home show it, at one moment: each member with their
 * ledgers, availability and place in line, the spread of lead deficits, and each kind's share of leads beside its
 * share of the roster.
 */
public record DutyStanding(Instant at, List<Row> rows, double spread, KindShare engineers, KindShare managers) {

    public DutyStanding {
        rows = List.copyOf(rows);
    }

    public Optional<Row> row(String userId) {
        return rows.stream().filter(r -> r.member().userId().equals(userId)).findFirst();
    }

    /**
     * One member. {@code awayUntil} is when their current absence ends (null when available); {@code nextAway} an
     * absence still to come; {@code placeInLine} 1 for whoever the next incident would go to, null while away;
     * {@code busy} when they lead an open incident.
     */
    public record Row(Member member, Instant awayUntil, Absence nextAway, Integer placeInLine, boolean busy) {

        public boolean isAway() {
            return awayUntil != null;
        }
    }

    /** One kind's members and credited leads, and those as shares of the roster and of all leads (0–1). */
    public record KindShare(MemberKind kind, int members, int leads, double rosterShare, double leadShare) {
    }
}
