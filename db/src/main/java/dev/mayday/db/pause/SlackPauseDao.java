package dev.mayday.db.pause;

import dev.mayday.db.sql.Sql;

import java.util.HashMap;
import java.util.Map;

/**
 * Slack Web API methods paused by a 429, until when (epoch millis), shared by every process on the store. A pause is
 * only ever lengthened: a shorter one arriving later (another process's older 429) leaves the longer one in place.
 */
public final class SlackPauseDao {

    private static final String PAUSE = """
            INSERT INTO slack_pauses (method, until_at) VALUES (?, ?)
            ON CONFLICT (method) DO UPDATE SET until_at = excluded.until_at
            WHERE slack_pauses.until_at < excluded.until_at""";
    private static final String CURRENT = "SELECT method, until_at FROM slack_pauses WHERE until_at > ?";

    private final Sql sql;

    public SlackPauseDao(Sql sql) {
        this.sql = sql;
    }

    /** Pauses {@code method} until {@code untilAt}, unless it is paused longer already; returns 1 when this moved it. */
    public int pause(String method, long untilAt) {
        return sql.update(PAUSE, method, untilAt);
    }

    /** The pauses still running at {@code now}: method to until when. */
    public Map<String, Long> current(long now) {
        Map<String, Long> pauses = new HashMap<>();
        sql.list(CURRENT, row -> Map.entry(row.getString("method"), row.getLong("until_at")), now)
                .forEach(pause -> pauses.put(pause.getKey(), pause.getValue()));
        return pauses;
    }

    /** Deletes the pauses over before {@code now}. */
    public int prune(long now) {
        return sql.update("DELETE FROM slack_pauses WHERE until_at < ?", now);
    }
}
