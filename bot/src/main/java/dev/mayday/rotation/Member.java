package dev.mayday.rotation;

import java.time.Instant;
import java.util.Objects;

/** Someone on the duty roster ({@code leftAt} null), or who was ({@code leftAt} set), with both ledgers. */
public record Member(String userId, MemberKind kind, Instant joinedAt, Instant leftAt, Ledger lead, Ledger responder) {

    public Member {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(joinedAt, "joinedAt");
        Objects.requireNonNull(lead, "lead");
        Objects.requireNonNull(responder, "responder");
    }

    public boolean onRoster() {
        return leftAt == null;
    }

    public Ledger ledger(DutyRole role) {
        return role == DutyRole.LEAD ? lead : responder;
    }

    public double deficit(DutyRole role) {
        return ledger(role).deficit();
    }

    Member with(DutyRole role, Ledger ledger) {
        return role == DutyRole.LEAD ? new Member(userId, kind, joinedAt, leftAt, ledger, responder)
                : new Member(userId, kind, joinedAt, leftAt, lead, ledger);
    }

    Member rejoined(MemberKind newKind, Instant at, Ledger newLead, Ledger newResponder) {
        return new Member(userId, newKind, at, null, newLead, newResponder);
    }

    Member left(Instant at) {
        return new Member(userId, kind, joinedAt, at, lead, responder);
    }
}
