package dev.mayday.slack;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Incident channel names under Slack's rules: lowercase a–z, 0–9, '-' and '_', at most 80 characters.
 * Accents are folded (Café → cafe); a title with nothing usable (emoji, symbols) falls back to the incident number.
 */
public final class ChannelNames {

    public static final int MAX_LENGTH = 80;
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private ChannelNames() {
    }

    public static String forIncident(LocalDate day, String title, long incidentId) {
        String prefix = "inc-" + DAY.format(day) + "-";
        String slug = slug(title);
        if (slug.isEmpty()) {
            slug = "incident-" + incidentId;
        }
        return trimTo(prefix + slug, MAX_LENGTH);
    }

    /** The n-th alternative (n ≥ 2) when a name is taken: {@code base-n}, shortening the base to stay within 80. */
    public static String withSuffix(String base, int n) {
        String suffix = "-" + n;
        return trimTo(base, MAX_LENGTH - suffix.length()) + suffix;
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
