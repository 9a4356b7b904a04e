package dev.mayday.db;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.transaction.DelegatingTransactionHandler;
import org.jdbi.v3.core.transaction.TransactionHandler;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

import java.sql.SQLException;

/**
 * Makes every Jdbi transaction of this process wait for its turn in the {@link WriterQueue}, also those begun on
 * {@code jdbi()} directly. Readers are not affected (WAL lets them read while one writes). A transaction that fails
 * raises {@link StoreException}, as everything the store does.
 */
final class OneWriterAtATime extends DelegatingTransactionHandler {

    private final WriterQueue writers;

    OneWriterAtATime(TransactionHandler delegate, WriterQueue writers) {
        super(delegate);
        this.writers = writers;
    }

    /**
     * Each handle gets the delegate's own state for it. Left unspecialized, Jdbi's local transaction handler keeps
     * that state in a map keyed by handles, which compare equal when they share a connection: with connections
     * reused, a handle closing could drop the state of the next handle on the same connection mid-transaction.
     */
    @Override
    public TransactionHandler specialize(Handle handle) throws SQLException {
        return new OneWriterAtATime(getDelegate().specialize(handle), writers);
    }

    @Override
    public <R, X extends Exception> R inTransaction(Handle handle, HandleCallback<R, X> callback) throws X {
        writers.acquire();
        try {
            return super.inTransaction(handle, callback);
        } catch (JdbiException e) {
            throw StoreFailures.translated(e);
        } finally {
            writers.release();
        }
    }

    @Override
    public <R, X extends Exception> R inTransaction(Handle handle, TransactionIsolationLevel level,
                                                    HandleCallback<R, X> callback) throws X {
        writers.acquire();
        try {
            return super.inTransaction(handle, level, callback);
        } catch (JdbiException e) {
            throw StoreFailures.translated(e);
        } finally {
            writers.release();
        }
    }
}
