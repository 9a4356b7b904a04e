package dev.mayday.db;

import java.util.Locale;

/** Which database a store lives in, read from its JDBC URL: the one place that tells the dialects apart. */
public enum StoreKind {

    /** One file, one process: the embedded default, which needs nothing installed. */
    SQLITE("jdbc:sqlite:"),
    /** A server that several processes can share. */
    POSTGRESQL("jdbc:postgresql:");

    private final String prefix;

    StoreKind(String prefix) {
        this.prefix = prefix;
    }

    /** The kind of {@code jdbcUrl}; the reason names both accepted forms and never repeats a password. */
    public static StoreKind of(String jdbcUrl) {
        for (StoreKind kind : values()) {
            if (jdbcUrl.startsWith(kind.prefix)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("DATABASE_URL must be a SQLite file (jdbc:sqlite:PATH) or a PostgreSQL "
                + "database (jdbc:postgresql://HOST:PORT/DB?user=…), got: " + RedactedUrl.of(jdbcUrl));
    }

    /** Lower case, as /health and the logs show it. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Where this dialect's own migrations live, beside the portable ones every store runs ({@link Migrations}). */
    String migrations() {
        return "classpath:db/dialect/" + label();
    }
}
