package dev.mayday.outbox;

import dev.mayday.db.Database;

import java.time.Instant;

/**
 * Queues publications inside the caller's transaction, so a change is never committed without what it must make
 * happen outside. Nothing is sent here: the {@link Outbox} delivers after the commit (wake it, or it finds the row at
 * its next poll).
 */
public final class Publications {

    private static final PublicationCodec CODEC = new PublicationCodec();

    private Publications() {
    }

    public static void enqueue(Database.Store store, Publication publication, Instant now) {
        insert(store, publication, null, false, now);
    }

    /**
     * Queues the publication unless a row with this {@code uniqueKey} was ever queued (pending, done or failed);
     * returns whether this call queued it. For work a timer owes once ("the digest of week 47", "the hand-off offer of
     * this stint"): two timers, two processes or a restart cannot queue it twice.
     */
    public static boolean enqueueOnce(Database.Store store, Publication publication, String uniqueKey, Instant now) {
        return insert(store, publication, requireKey(uniqueKey), false, now);
    }

    /**
     * Queues the publication unless a row with this {@code uniqueKey} is queued and not yet started; returns whether
     * this call queued it. For work that many changes ask for while one delivery does for all ("refresh this user's
     * App Home"): once the queued row's first attempt starts, the next request queues a new row, so a change made
     * while a delivery runs is never lost.
     */
    public static boolean enqueueUnlessQueued(Database.Store store, Publication publication, String uniqueKey,
                                              Instant now) {
        return insert(store, publication, requireKey(uniqueKey), true, now);
    }

    static Publication read(String type, String payload) {
        return CODEC.read(type, payload);
    }

    private static boolean insert(Database.Store store, Publication publication, String uniqueKey,
                                  boolean whileQueued, Instant now) {
        Long incidentId = publication.incident().isPresent() ? publication.incident().getAsLong() : null;
        return store.outbox().enqueue(CODEC.typeOf(publication), CODEC.payloadOf(publication), publication.lane().name(),
                incidentId, uniqueKey, whileQueued, now.toEpochMilli()) == 1;
    }

    private static String requireKey(String uniqueKey) {
        if (uniqueKey == null || uniqueKey.isBlank()) {
            throw new IllegalArgumentException("a unique key is needed");
        }
        return uniqueKey;
    }
}
