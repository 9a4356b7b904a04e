package dev.mayday.retry;

import dev.mayday.db.Database;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Slack's pauses in the store ({@code slack_pauses}), for every process sharing it: written when a 429 is answered (a
 * longer pause is never shortened), read by the {@link RateLimitGate} of each process a few times a second.
 */
public final class StoredPauses implements SharedPauses {

    private final Database database;

    public StoredPauses(Database database) {
        this.database = database;
    }

    @Override
    public void pause(String key, Instant until) {
        long untilAt = until.toEpochMilli();
        database.inTransaction(store -> {
            store.slackPauses().pause(key, untilAt);
            // a pause that ended before this one started is of no use to anyone: the table stays a few rows long
            store.slackPauses().prune(untilAt - PRUNE_MARGIN_MILLIS);
            return null;
        });
    }

    @Override
    public Map<String, Instant> current(Instant now) {
        Map<String, Instant> pauses = new HashMap<>();
        database.read(store -> store.slackPauses().current(now.toEpochMilli()))
                .forEach((key, untilAt) -> pauses.put(key, Instant.ofEpochMilli(untilAt)));
        return pauses;
    }

    /** Longer than any Retry-After Slack sends (it asks for seconds, at most a minute or so). */
    private static final long PRUNE_MARGIN_MILLIS = 60L * 60 * 1000;
}
