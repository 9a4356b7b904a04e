package dev.mayday.db;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.transaction.DelegatingTransactionHandler;
import org.jdbi.v3.core.transaction.TransactionException;
import org.jdbi.v3.core.transaction.TransactionHandler;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Lets one transaction of this process write at a time, in arrival order. SQLite allows a single writer anyway;
 * left to itself, a writer that finds the lock taken sleeps and retries (its busy handler), which under load is
 * unfair and slow, and some writers run out of time while others get in repeatedly. Queueing them here in order
 * turns that into a short, fair wait. Readers are not affected (WAL lets them read while one writes).
 */
final class OneWriterAtATime extends DelegatingTransactionHandler {

    private final ReentrantLock writer;
    private final Duration patience;

    OneWriterAtATime(TransactionHandler delegate, Duration patience) {
        this(delegate, new ReentrantLock(true), patience);
    }

    private OneWriterAtATime(TransactionHandler delegate, ReentrantLock writer, Duration patience) {
        super(delegate);
        this.writer = writer;
        this.patience = patience;
    }

    /**
     * Each handle gets the delegate's own state for it. Left unspecialized, Jdbi's local transaction handler keeps
     * that state in a map keyed by handles, which compare equal when they share a connection: with connections
     * reused, a handle closing could drop the state of the next handle on the same connection mid-transaction.
     */
    @Override
    public TransactionHandler specialize(Handle handle) throws SQLException {
        return new OneWriterAtATime(getDelegate().specialize(handle), writer, patience);
    }

    @Override
    public <R, X extends Exception> R inTransaction(Handle handle, HandleCallback<R, X> callback) throws X {
        acquire();
        try {
            return super.inTransaction(handle, callback);
        } finally {
            writer.unlock();
        }
    }

    @Override
    public <R, X extends Exception> R inTransaction(Handle handle, TransactionIsolationLevel level,
                                                    HandleCallback<R, X> callback) throws X {
        acquire();
        try {
            return super.inTransaction(handle, level, callback);
        } finally {
            writer.unlock();
        }
    }

    private void acquire() {
        try {
            if (!writer.tryLock(patience.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new TransactionException("the store is busy: waited " + patience.toMillis() + " ms for a turn to write");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransactionException("interrupted while waiting for a turn to write", e);
        }
    }
}
