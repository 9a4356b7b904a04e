package dev.mayday.db.rotation;

/**
 * One row of {@code duty_members}; times are epoch milliseconds, {@code leftAt} is null while on the roster. Each
 * ledger is the fair share accrued, the turns credited and the sequence of the last assignment.
 */
public record MemberRow(
        String userId,
        String kind,
        long joinedAt,
        Long leftAt,
        double leadShare,
        int leads,
        long lastLeadSeq,
        double responderShare,
        int responderTurns,
        long lastResponderSeq) {
}
