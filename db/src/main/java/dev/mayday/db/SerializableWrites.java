package dev.mayday.db;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * PostgreSQL's writes: each unit of work in a SERIALIZABLE transaction of its own. SQLite gives the code one writer at a
 * time, so a read-then-write (a rotation's ledger, the next draft version) never sees a stale read; on a server shared
 * by many connections and processes SERIALIZABLE keeps that promise, by refusing the later of two transactions that
 * would have seen each other's writes. That one is run again from the start, a bounded number of times, after a short
 * random pause; a unit of work must therefore only touch the store (effects outside go through the outbox). A write
 * begun inside a write joins it, as it does in {@link GroupCommit}.
 */
final class SerializableWrites implements Writes {

    /**
     * Enough for a burst of writers on one row (each round lets one of them through); a conflict that outlives this,
     * about a second of pauses, is reported as a store failure.
     */
    static final int MAX_ATTEMPTS = 20;

    /** The longest pause between two attempts: pauses double from 2 ms up to this, each a random part of it. */
    static final long MAX_PAUSE_MS = 64;

    /** serialization_failure and deadlock_detected: the transaction was undone whole and may simply run again. */
    private static final Set<String> RUN_AGAIN = Set.of("40001", "40P01");

    private final Jdbi jdbi;
    private final ThreadLocal<Database.Store> current = new ThreadLocal<>();

    SerializableWrites(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public <T> T write(Database.StoreWork<T> work) {
        return write(work, TransactionIsolationLevel.SERIALIZABLE);
    }

    /**
     * READ COMMITTED: nothing is refused for a conflict of reads; a deadlock (two rows locked in opposite orders) is
     * still undone and run again like a serialization failure.
     */
    @Override
    public <T> T writeUnderRowLocks(Database.StoreWork<T> work) {
        return write(work, TransactionIsolationLevel.READ_COMMITTED);
    }

    private <T> T write(Database.StoreWork<T> work, TransactionIsolationLevel isolation) {
        Database.Store joined = current.get();
        if (joined != null) {
            return work.run(joined);
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return jdbi.inTransaction(isolation, handle -> {
                    Database.Store store = Database.Store.on(handle);
                    current.set(store);
                    try {
                        return work.run(store);
                    } finally {
                        current.remove();
                    }
                });
            } catch (JdbiException | StoreException e) {
                if (attempt >= MAX_ATTEMPTS || !mayRunAgain(e)) {
                    throw e instanceof JdbiException jdbiFailure ? StoreFailures.translated(jdbiFailure) : e;
                }
                pauseBefore(attempt + 1);
            }
        }
    }

    static boolean mayRunAgain(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            // a failure without a state (the pool's wait for a connection ran out) is not one to run again
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && RUN_AGAIN.contains(sql.getSQLState())) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    /** A random pause that grows with the attempts, so that two transactions that collided do not collide again. */
    private static void pauseBefore(int attempt) {
        long ceiling = Math.min(MAX_PAUSE_MS, 1L << Math.min(attempt, 6));
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(ThreadLocalRandom.current().nextLong(1, ceiling + 1)));
    }
}
