package dev.mayday.rotation;

/**
 * A member's account for one duty. {@code share} is the fair share accrued while available (1/N at each assignment
 * made among N available members, plus the level they started at), {@code turns} the assignments credited to them,
 * {@code lastSeq} the sequence number of their last one (0 = never). The deficit, share minus turns, is what the
 * rotation owes them: the larger it is, the sooner they are picked.
 */
public record Ledger(double share, int turns, long lastSeq) {

    public static final Ledger EMPTY = new Ledger(0, 0, 0);

    public double deficit() {
        return share - turns;
    }

    Ledger accrue(double portion) {
        return new Ledger(share + portion, turns, lastSeq);
    }

    Ledger credit(long seq) {
        return new Ledger(share, turns + 1, seq);
    }

    Ledger debit() {
        return new Ledger(share, turns - 1, lastSeq);
    }

    /** The same turns, with the share set so that the deficit is {@code deficit}: how someone starts level. */
    Ledger levelAt(double deficit) {
        return new Ledger(turns + deficit, turns, lastSeq);
    }
}
