package dev.mayday.slack.delivery;

import dev.mayday.incident.Incident;

/**
 * The first word of a channel Mayday makes, saying at a glance in the sidebar what the channel is for:
 * {@code inc-} for an incident, {@code drill-} for a practice incident. Everything after it (the date, the slug, the
 * suffixes, the number name) follows the same rules, in {@link ChannelNames}.
 */
public enum ChannelPrefix {
    INCIDENT("inc"),
    DRILL("drill");

    private final String word;

    ChannelPrefix(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }

    public static ChannelPrefix of(Incident incident) {
        return incident.isPractice() ? DRILL : INCIDENT;
    }
}
