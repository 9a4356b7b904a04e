package dev.mayday.db;

import dev.mayday.db.sql.Sql;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Writes that arrive together share one transaction. SQLite takes one writer at a time, so under load each write
 * used to wait for the one before it to begin, run and commit on its own; here the writer whose turn comes (the
 * leader) also runs every write queued behind it, in arrival order, each inside a savepoint of one IMMEDIATE
 * transaction, and commits once. Each caller gets its answer only after that commit: an answer still means stored.
 *
 * <p>A write that fails is rolled back to its savepoint and fails alone; the others in its batch still commit. If
 * the batch itself cannot begin or commit, every write in it fails with that error, as each would have alone. With
 * nobody else writing, a write runs at once on its caller's thread in a transaction of its own, as before.
 *
 * <p>The limits are the {@link WriterQueue}'s: a write arriving when {@code maxWaiting} others already wait is
 * refused at once, and one whose batch has not begun after {@code lastResort} gives up. The leader also holds the
 * writer queue's turn, so transactions begun on {@code jdbi()} directly take turns with batches.
 */
final class GroupCommit implements Writes {

    /** Enough to empty the queue of a storm in a few turns, few enough that one turn stays short. */
    static final int MAX_BATCH = 128;

    private final Jdbi jdbi;
    private final WriterQueue writers;
    private final Object lock = new Object();
    private final ArrayDeque<Write<?>> waiting = new ArrayDeque<>();
    private boolean leading;
    /** The thread running a batch now, and the store it runs it on: a write begun inside a write joins it. */
    private volatile Thread leader;
    private Database.Store current;

    GroupCommit(Jdbi jdbi, WriterQueue writers) {
        this.jdbi = jdbi;
        this.writers = writers;
    }

    @Override
    public <T> T write(Database.StoreWork<T> work) {
        if (leader == Thread.currentThread()) {
            return work.run(current);
        }
        Write<T> mine = new Write<>(work, Thread.currentThread());
        synchronized (lock) {
            if (!leading) {
                leading = true;
                mine.leads = true;
            } else if (waiting.size() >= writers.maxWaiting()) {
                throw writers.overloaded(waiting.size());
            } else {
                waiting.add(mine);
            }
        }
        if (!mine.leads) {
            awaitTurnOrAnswer(mine);
        }
        if (mine.leads) {
            lead(mine);
        }
        return mine.answer();
    }

    /** Parks until a leader has answered this write, or until it is this write's turn to lead. */
    private void awaitTurnOrAnswer(Write<?> mine) {
        long deadline = System.nanoTime() + writers.lastResort().toNanos();
        boolean interrupted = false;
        try {
            while (!mine.answered && !mine.leads) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || interrupted) {
                    synchronized (lock) {
                        if (waiting.remove(mine)) {
                            // not taken into a batch: leaving now changes nothing
                            throw interrupted ? new StoreException("interrupted while waiting for a turn to write")
                                    : writers.stuck();
                        }
                    }
                    // taken into a batch that is running: its answer comes when the batch ends
                    left = TimeUnit.MILLISECONDS.toNanos(10);
                }
                LockSupport.parkNanos(this, left);
                interrupted |= Thread.interrupted();
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void lead(Write<?> mine) {
        List<Write<?>> batch = new ArrayList<>();
        batch.add(mine);
        Write<?> next;
        try {
            synchronized (lock) {
                while (batch.size() < MAX_BATCH && !waiting.isEmpty()) {
                    batch.add(waiting.poll());
                }
            }
            run(batch);
        } finally {
            synchronized (lock) {
                next = waiting.poll();
                if (next == null) {
                    leading = false;
                } else {
                    next.leads = true;
                }
            }
            for (Write<?> write : batch) {
                write.answered = true;
                if (write != mine) {
                    LockSupport.unpark(write.thread);
                }
            }
            if (next != null) {
                LockSupport.unpark(next.thread);
            }
        }
    }

    /** Runs the batch in one transaction; every write in it ends with a result or a failure. */
    private void run(List<Write<?>> batch) {
        try {
            writers.inTurn(() -> jdbi.inTransaction(handle -> {
                runIn(handle, batch);
                return null;
            }));
        } catch (RuntimeException | Error e) {
            // each write raises it as the store's error when it answers (Write.answer)
            for (Write<?> write : batch) {
                write.failedWith(e);
            }
        }
    }

    private void runIn(Handle handle, List<Write<?>> batch) {
        current = Database.Store.on(handle);
        leader = Thread.currentThread();
        try {
            if (batch.size() == 1) {
                batch.get(0).runOn(current);
                return;
            }
            // prepared once per connection, like the hot statements: a batch runs two of these per write
            Sql savepoints = Sql.on(handle);
            for (Write<?> write : batch) {
                savepoints.update("SAVEPOINT one_write");
                try {
                    write.runOn(current);
                    savepoints.update("RELEASE one_write");
                } catch (RuntimeException | Error e) {
                    // undoes this write alone; if even that fails the transaction is gone, and the batch with it
                    savepoints.update("ROLLBACK TO one_write");
                    savepoints.update("RELEASE one_write");
                    write.failedAlone(e);
                }
            }
        } finally {
            leader = null;
            current = null;
        }
    }

    /** One caller's write: its work, and once its batch has ended, its result or failure. */
    private static final class Write<T> {

        private final Database.StoreWork<T> work;
        private final Thread thread;
        private volatile boolean leads;
        private volatile boolean answered;
        private T result;
        private Throwable failure;
        /** Failed on its own and rolled back to its savepoint: keeps this failure even if the batch fails after. */
        private boolean failedAlone;

        Write(Database.StoreWork<T> work, Thread thread) {
            this.work = work;
            this.thread = thread;
        }

        void runOn(Database.Store store) {
            result = work.run(store);
        }

        void failedAlone(Throwable e) {
            failure = e;
            failedAlone = true;
        }

        void failedWith(Throwable e) {
            if (!failedAlone) {
                failure = e;
                result = null;
            }
        }

        T answer() {
            if (failure instanceof JdbiException jdbiFailure) {
                throw StoreFailures.translated(jdbiFailure);
            }
            if (failure instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (failure instanceof Error error) {
                throw error;
            }
            return result;
        }
    }
}
