package dev.mayday.incident;

import java.util.Locale;
import java.util.Optional;

/** SEV1 is the worst. */
public enum Severity {
    SEV1("Critical: customers cannot use the product"),
    SEV2("Major: a key feature is broken for many"),
    SEV3("Minor: degraded, with a workaround"),
    SEV4("Low: cosmetic or internal only");

    private final String meaning;

    Severity(String meaning) {
        this.meaning = meaning;
    }

    public String meaning() {
        return meaning;
    }

    public String label() {
        return name();
    }

    /** Accepts {@code sev2}, {@code SEV2} and {@code 2}. */
    public static Optional<Severity> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String normalized = text.trim().toUpperCase(Locale.ROOT);
        if (normalized.matches("[1-4]")) {
            normalized = "SEV" + normalized;
        }
        for (Severity severity : values()) {
            if (severity.name().equals(normalized)) {
                return Optional.of(severity);
            }
        }
        return Optional.empty();
    }
}
