package dev.mayday.db;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Adds the connection pragmas to a SQLite JDBC URL. sqlite-jdbc applies URL parameters to every new
 * connection, whereas a multi-statement PRAGMA string silently runs only its first statement.
 */
final class SqliteUrl {

    private static final Map<String, String> PRAGMAS = new LinkedHashMap<>();

    static {
        PRAGMAS.put("journal_mode", "WAL");
        PRAGMAS.put("synchronous", "NORMAL");
        // Below Slack's 3-second ack window: a writer stuck behind a lock gets a clear answer in time, not a timeout.
        PRAGMAS.put("busy_timeout", "2000");
        PRAGMAS.put("foreign_keys", "true");
        PRAGMAS.put("transaction_mode", "IMMEDIATE");
        // WalCheckpoints copies the log off the writers' path; a writer copies it only past this backstop (40 MB)
        PRAGMAS.put("wal_autocheckpoint", "10000");
    }

    private SqliteUrl() {
    }

    static String withPragmas(String jdbcUrl) {
        if (!jdbcUrl.startsWith("jdbc:sqlite:")) {
            throw new IllegalArgumentException("DATABASE_URL must be a SQLite JDBC URL (jdbc:sqlite:PATH), got: " + jdbcUrl);
        }
        StringBuilder url = new StringBuilder(jdbcUrl);
        char separator = jdbcUrl.contains("?") ? '&' : '?';
        for (Map.Entry<String, String> pragma : PRAGMAS.entrySet()) {
            if (!jdbcUrl.contains(pragma.getKey() + "=")) {
                url.append(separator).append(pragma.getKey()).append('=').append(pragma.getValue());
                separator = '&';
            }
        }
        return url.toString();
    }
}
