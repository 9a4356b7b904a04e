package dev.mayday.slack.views;

import java.util.Locale;

/** How numbers read in Mayday's Slack text: "1.5", "2nd", "40%". */
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

    static String percent(double fraction) {
        return Math.round(fraction * 100) + "%";
    }
}
