package dev.mayday.digest;

import dev.mayday.rotation.DutyRole;
import dev.mayday.rotation.MemberKind;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of the duty assignments ledger: {@code userId} took {@code role} on the incident at {@code assignedAt}.
 * {@code kind} is null for someone who was never on the roster (a hand-off to a non-member).
 */
public record DutyFact(long incidentId, String userId, DutyRole role, MemberKind kind, Instant assignedAt) {

    public DutyFact {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(assignedAt, "assignedAt");
    }
}
