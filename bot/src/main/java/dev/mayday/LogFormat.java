package dev.mayday;

/** How {@code serve} writes its log ({@code LOG_FORMAT}): lines of text, or one JSON object per line. */
public enum LogFormat {
    TEXT("logback.xml"),
    JSON("logback-json.xml");

    private final String configuration;

    LogFormat(String configuration) {
        this.configuration = configuration;
    }

    /** The logback configuration on the class path that writes this format. */
    String configuration() {
        return configuration;
    }
}
