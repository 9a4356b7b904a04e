package dev.mayday;

import java.util.Locale;

/** How {@code serve} writes its log ({@code LOG_FORMAT}): lines of text, or one JSON object per line. */
public enum LogFormat {
    TEXT("logback.xml"),
    JSON("logback-json.xml");

    private final String configuration;

    LogFormat(String configuration) {
        this.configuration = configuration;
    }

    /** {@code text} or {@code json}, in any case; anything else stops the start with one line naming the variable. */
    static LogFormat parse(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "text" -> TEXT;
            case "json" -> JSON;
            default -> throw new ConfigException("LOG_FORMAT must be text or json, got: " + text);
        };
    }

    /** The logback configuration on the class path that writes this format. */
    String configuration() {
        return configuration;
    }
}
