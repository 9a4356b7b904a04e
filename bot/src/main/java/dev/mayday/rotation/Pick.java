package dev.mayday.rotation;

/**
 * One automatic choice: who, for which duty, among how many available members ({@code poolSize}); how many of them
 * were passed over for being busy with an open incident ({@code skippedBusy}), or whether everyone was
 * ({@code everyoneBusy}); whether the chosen one was level on deficit with the next in line ({@code tied}); and
 * their ledger just before.
 */
public record Pick(String userId, MemberKind kind, DutyRole role, int poolSize, int skippedBusy, boolean everyoneBusy,
                   boolean tied, Ledger before) {
}
