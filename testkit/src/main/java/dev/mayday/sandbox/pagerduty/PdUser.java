package dev.mayday.sandbox.pagerduty;

import java.util.Objects;

/** A user in the fake PagerDuty account. */
public record PdUser(String id, String name, String email) {

    public PdUser {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(email, "email");
    }
}
