package dev.mayday.request;

import dev.mayday.db.Database;

import java.util.List;
import java.util.OptionalLong;

/**
 * The store's record of signed requests already carried out, by digest, each kept until it expires. The replay
 * guard in front of the Slack adapter reads and writes it; it knows nothing of Slack.
 */
public final class HandledRequests {

    private final Database database;

    public HandledRequests(Database database) {
        this.database = database;
    }

    /** Whether {@code digest} was recorded and has not expired at {@code now} (epoch millis). */
    public boolean isRecorded(String digest, long now) {
        return database.read(store -> store.seenRequests().isRecorded(digest, now));
    }

    /**
     * Records {@code digests} until {@code expiresAt}; with {@code pruneBefore}, deletes the rows expired before it in
     * the same transaction.
     */
    public void record(List<String> digests, long expiresAt, OptionalLong pruneBefore) {
        database.inTransaction(store -> {
            store.seenRequests().record(digests, expiresAt);
            pruneBefore.ifPresent(now -> store.seenRequests().prune(now));
            return null;
        });
    }
}
