package dev.mayday.sandbox.pagerduty;

import java.util.Objects;

/** One on-call entry of an escalation policy: this user answers at this level (1 is paged first). */
public record PdOnCall(String userId, int escalationLevel) {

    public PdOnCall {
        Objects.requireNonNull(userId, "userId");
        if (escalationLevel < 1) {
            throw new IllegalArgumentException("escalation levels start at 1");
        }
    }
}
