package dev.mayday.slack.views;

import java.util.Locale;

/** How numbers read in Mayday's Slack text: "1.5", "2nd", "40%", "15 minutes". */
final class Numbers {

    private Numbers() {
    }

    static String oneDecimal(double value) {
        String text = String.format(Locale.ROOT, "%.1f", value);
        return text.equals("-0.0") ? "0.0" : text;
    }

    static String ordinal(int n) {
        String suffix = (n % 100 >= 11 && n % 100 <= 13) ? "th" : switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
        return n + suffix;
    }

    /** "15 minutes", "1 hour", "2 h 5 min": how long, rounded down to the minute. */
    static String duration(java.time.Duration duration) {
        long minutes = Math.max(0, duration.toMinutes());
        if (minutes < 60) {
            return minutes == 1 ? "1 minute" : minutes + " minutes";
        }
        long hours = minutes / 60;
        long rest = minutes % 60;
        if (rest == 0) {
            return hours == 1 ? "1 hour" : hours + " hours";
        }
        return hours + " h " + rest + " min";
    }

    static String percent(double fraction) {
        return Math.round(fraction * 100) + "%";
    }
}
