package dev.mayday.slack.delivery;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Channel names (an incident's, a practice incident's, a pre-mortem's: {@link ChannelPrefix}) under Slack's rules:
 * lowercase a–z, 0–9, '-' and '_', at most 80 characters.
 * Accents are folded (Café → cafe); a title with nothing usable (emoji, symbols) falls back to the incident number.
 * <p>
 * The names an incident tries, in order ({@link #candidate}): {@code inc-<date>-<slug>}, then {@code -2} … {@code -5};
 * then {@code inc-<id>-<slug>}, which no other incident asks for (incident numbers are unique, and the names from a
 * title carry an 8-digit date in that place; an 8-digit number that happened to match one would only lose that name to
 * the claim, see {@link dev.mayday.incident.ChannelNameClaims}), and {@code -2}, {@code -3}, … of it should a channel
 * made outside Mayday hold it. There is no last name: a flapping alert declaring the same title a hundred times a day still gets a
 * hundred channels.
 */
public final class ChannelNames {

    public static final int MAX_LENGTH = 80;
    /** The date-and-title name and its suffixes -2 … -5, before the incident-number name. */
    public static final int NUMBERED_TRIES = 5;
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private ChannelNames() {
    }

    public static String forIncident(LocalDate day, String title, long incidentId) {
        return forDay(ChannelPrefix.INCIDENT, day, title, incidentId);
    }

    /** {@code <prefix>-<date>-<slug>}: the first name a channel of this kind tries. */
    public static String forDay(ChannelPrefix kind, LocalDate day, String title, long id) {
        String prefix = kind.word() + "-" + DAY.format(day) + "-";
        String slug = slug(title);
        if (slug.isEmpty()) {
            slug = kind.fallbackSlug(id);
        }
        return trimTo(prefix + slug, MAX_LENGTH);
    }

    /** The n-th alternative (n ≥ 2) when a name is taken: {@code base-n}, shortening the base to stay within 80. */
    public static String withSuffix(String base, int n) {
        String suffix = "-" + n;
        return trimTo(base, MAX_LENGTH - suffix.length()) + suffix;
    }

    /** The name keyed by the incident number: {@code inc-<id>-<slug>}, or {@code inc-<id>} for a title of emoji. */
    public static String byNumber(String title, long incidentId) {
        return byNumber(ChannelPrefix.INCIDENT, title, incidentId);
    }

    /** {@code <prefix>-<id>-<slug>}: the name no other channel of this kind asks for. */
    public static String byNumber(ChannelPrefix kind, String title, long id) {
        String slug = slug(title);
        return trimTo(kind.word() + "-" + id + (slug.isEmpty() ? "" : "-" + slug), MAX_LENGTH);
    }

    /**
     * The {@code index}-th name to try (index ≥ 1): {@code base} and its suffixes up to {@link #NUMBERED_TRIES}, then
     * {@code byNumber} and its suffixes, without end.
     */
    public static String candidate(String base, String byNumber, int index) {
        if (index < 1) {
            throw new IllegalArgumentException("candidate index starts at 1: " + index);
        }
        if (index <= NUMBERED_TRIES) {
            return index == 1 ? base : withSuffix(base, index);
        }
        int n = index - NUMBERED_TRIES;
        return n == 1 ? byNumber : withSuffix(byNumber, n);
    }

    static String slug(String title) {
        String folded = Normalizer.normalize(title, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        return folded.toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
    }

    private static String trimTo(String name, int max) {
        String cut = name.length() <= max ? name : name.substring(0, max);
        return cut.replaceAll("-+$", "");
    }
}
