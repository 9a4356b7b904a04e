package dev.mayday.slack.delivery;

import dev.mayday.incident.Incident;

/**
 * What a channel Mayday makes is for, said by the first word of its name: {@code inc-} for an incident, {@code drill-}
 * for a practice incident, {@code pre-} for a pre-mortem. Everything after it (the date, the slug, the suffixes, the
 * number name) follows the same rules, in {@link ChannelNames}. Each kind numbers its own fallback names
 * ({@code <prefix>-<id>-<slug>}), and no two prefixes share a name, so a channel of one kind is never adopted by another.
 */
public enum ChannelPrefix {
    INCIDENT("inc", "incident"),
    DRILL("drill", "incident"),
    PREMORTEM("pre", "premortem");

    private final String word;
    private final String fallback;

    ChannelPrefix(String word, String fallback) {
        this.word = word;
        this.fallback = fallback;
    }

    /** The name's first word, without its dash. */
    public String word() {
        return word;
    }

    /** The prefix of an incident's channel: {@code drill-} for a practice incident, {@code inc-} otherwise. */
    public static ChannelPrefix of(Incident incident) {
        return incident.isPractice() ? DRILL : INCIDENT;
    }

    /** The slug of a title with nothing usable in it (emoji alone): {@code incident-<id>}. */
    String fallbackSlug(long id) {
        return fallback + "-" + id;
    }
}
