package dev.mayday.rotation;

import java.util.Locale;
import java.util.Optional;

/** Engineers and managers share one pool for leading; the kind matters only for pairing a second responder. */
public enum MemberKind {
    ENGINEER, MANAGER;

    public MemberKind other() {
        return this == ENGINEER ? MANAGER : ENGINEER;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String plural() {
        return label() + "s";
    }

    /** Accepts {@code engineer} and {@code manager}, in any case, singular or plural. */
    public static Optional<MemberKind> parse(String text) {
        String word = text.strip().toLowerCase(Locale.ROOT);
        for (MemberKind kind : values()) {
            if (word.equals(kind.label()) || word.equals(kind.plural())) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
