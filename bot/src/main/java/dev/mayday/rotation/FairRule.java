package dev.mayday.rotation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The order in which available members are picked for a duty: the largest deficit first, ties to the least recently
 * assigned, then by user id so that the choice never depends on iteration order. Someone already busy (leading an
 * open incident) goes behind everyone who is free.
 */
public final class FairRule {

    /** Deficits are sums of fractions; comparing them in millionths makes 1/3 + 1/3 + 1/3 equal to 1. */
    private static final double RESOLUTION = 1_000_000;

    private FairRule() {
    }

    public static Comparator<Member> order(DutyRole role) {
        return Comparator.<Member>comparingLong(m -> -rounded(m.deficit(role)))
                .thenComparingLong(m -> m.ledger(role).lastSeq())
                .thenComparing(Member::userId);
    }

    /** {@code pool} in the order the rule would pick them: free members first, then the busy ones. */
    public static List<Member> lineUp(Collection<Member> pool, DutyRole role, Set<String> busy) {
        List<Member> free = new ArrayList<>();
        List<Member> taken = new ArrayList<>();
        for (Member member : pool) {
            (busy.contains(member.userId()) ? taken : free).add(member);
        }
        free.sort(order(role));
        taken.sort(order(role));
        free.addAll(taken);
        return free;
    }

    static boolean sameDeficit(Member a, Member b, DutyRole role) {
        return rounded(a.deficit(role)) == rounded(b.deficit(role));
    }

    private static long rounded(double deficit) {
        return Math.round(deficit * RESOLUTION);
    }
}
