package dev.mayday.slack.handlers;

import java.util.Locale;

/** The text after {@code /incident}, split into the subcommand and the rest. */
public record CommandText(String subcommand, String rest) {

    public static CommandText parse(String text) {
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.isEmpty()) {
            return new CommandText("", "");
        }
        String[] parts = trimmed.split("\\s+", 2);
        return new CommandText(parts[0].toLowerCase(Locale.ROOT), parts.length > 1 ? parts[1].strip() : "");
    }

    /** The first word of the rest, and what follows it. */
    public CommandText shift() {
        return parse(rest);
    }

    public boolean isEmpty() {
        return subcommand.isEmpty();
    }
}
