package dev.mayday.db;

import java.util.regex.Pattern;

/** A JDBC URL fit for a message or a log: a password given in it (PostgreSQL's {@code password=…}) is hidden. */
public final class RedactedUrl {

    private static final Pattern PASSWORD = Pattern.compile("(?i)([?&;]password=)[^&;]*");
    private static final Pattern USER_INFO = Pattern.compile("(//[^/@:?]*):[^/@?]*@");

    private RedactedUrl() {
    }

    public static String of(String jdbcUrl) {
        String hidden = PASSWORD.matcher(jdbcUrl).replaceAll("$1***");
        return USER_INFO.matcher(hidden).replaceAll("$1:***@");
    }
}
