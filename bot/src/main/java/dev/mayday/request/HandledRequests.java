package dev.mayday.request;

import dev.mayday.db.Database;
import dev.mayday.db.StoreKind;

import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;

/**
 * The store's record of signed requests already carried out, by digest, each kept until it expires. The replay
 * guard in front of the Slack adapter reads and writes it; it knows nothing of Slack.
 * <p>
 * On a store shared by several processes (PostgreSQL) a request is also claimed here before it is handled, so that the
 * same bytes arriving at another process meanwhile are recognised: the claim is a row not yet carried out, held for
 * {@link #CLAIM_LEASE} (after which a process that died handling it no longer blocks a retry), turned into the record
 * once carried out, deleted when the request failed; unique keys and row locks decide between processes, so these
 * writes run under row locks rather than SERIALIZABLE. A SQLite store has one process, whose memory holds what it is
 * handling: nothing is written before a request is handled there.
 */
public final class HandledRequests {

    /** How long a claim holds a request against the other processes while it is handled. */
    public static final Duration CLAIM_LEASE = Duration.ofSeconds(30);

    /** What the store says of a request about to be handled. */
    public enum Claim {
        /** Nobody has it: this process handles it. */
        CLAIMED,
        /** Carried out already: a replay. */
        CARRIED_OUT,
        /** Another process is handling it now. */
        IN_FLIGHT
    }

    private final Database database;
    private final boolean shared;

    /** Shared (claimed in the store before handling) when the store is PostgreSQL. */
    public HandledRequests(Database database) {
        this(database, database.kind() == StoreKind.POSTGRESQL);
    }

    public HandledRequests(Database database, boolean shared) {
        this.database = database;
        this.shared = shared;
    }

    /** Whether requests are claimed in the store before they are handled (several processes share it). */
    public boolean shared() {
        return shared;
    }

    /** Whether {@code digest} was recorded and has not expired at {@code now} (epoch millis). */
    public boolean isRecorded(String digest, long now) {
        return database.read(store -> store.seenRequests().isRecorded(digest, now));
    }

    /**
     * Claims {@code digest} for this process at {@code now} (epoch millis): on a shared store a row written before the
     * request is handled; otherwise only a look at what was carried out.
     */
    public Claim claim(String digest, long now) {
        if (!shared) {
            return isRecorded(digest, now) ? Claim.CARRIED_OUT : Claim.CLAIMED;
        }
        return database.inTransactionUnderRowLocks(store -> {
            if (store.seenRequests().claim(digest, now + CLAIM_LEASE.toMillis(), now) == 1) {
                return Claim.CLAIMED;
            }
            // a claim let go of between the two statements reads as in flight: the sender's retry is handled
            return store.seenRequests().carriedOut(digest).orElse(false) ? Claim.CARRIED_OUT : Claim.IN_FLIGHT;
        });
    }

    /**
     * Lets go of the claim this process made on {@code digest} at {@code claimedAt} (the {@code now} given to
     * {@link #claim}) whose request failed, so the sender's retry is handled; a claim another process took over since
     * (this one overran its lease) is left alone. Nothing to do on an unshared store.
     */
    public void forget(String digest, long claimedAt) {
        if (shared) {
            long leaseUntil = claimedAt + CLAIM_LEASE.toMillis();
            database.inTransactionUnderRowLocks(store -> store.seenRequests().forget(digest, leaseUntil));
        }
    }

    /**
     * Records {@code digests} as carried out until {@code expiresAt}; with {@code pruneBefore}, deletes the rows expired
     * before it in the same transaction.
     */
    public void record(List<String> digests, long expiresAt, OptionalLong pruneBefore) {
        database.inTransactionUnderRowLocks(store -> {
            store.seenRequests().record(digests, expiresAt);
            pruneBefore.ifPresent(now -> store.seenRequests().prune(now));
            return null;
        });
    }
}
