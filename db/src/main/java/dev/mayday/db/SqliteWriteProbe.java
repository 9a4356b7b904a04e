package dev.mayday.db;

import org.jdbi.v3.core.Jdbi;
import org.sqlite.SQLiteException;

import java.sql.SQLException;

/**
 * One small write, through the writer queue and the IMMEDIATE transaction every real write takes, then a look at
 * whether the store has room to grow: a store at its size limit ({@code max_page_count}) with no free page left
 * still takes this update in place but fails every insert. Waiting for a turn is not a failure: a busy store is
 * reported busy.
 */
final class SqliteWriteProbe implements WriteProbe {

    private final Jdbi jdbi;

    SqliteWriteProbe(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Writability probe() {
        try {
            return jdbi.inTransaction(handle -> {
                handle.execute("UPDATE health_probe SET probes = probes + 1 WHERE id = 1");
                return handle.createQuery("SELECT page_count, max_page_count, freelist_count "
                                + "FROM pragma_page_count(), pragma_max_page_count(), pragma_freelist_count()")
                        .map((rows, ctx) -> room(rows.getLong(1), rows.getLong(2), rows.getLong(3))).one();
            });
        } catch (RuntimeException e) {
            SQLException cause = sqlCause(e);
            if (cause == null) {
                // the writer queue gave up waiting for a turn (its only failure that carries no SQL error)
                return Writability.busy(e.getMessage());
            }
            if (cause instanceof SQLiteException sqlite && isBusy(sqlite)) {
                return Writability.busy(cause.getMessage());
            }
            return Writability.notWritable(cause.getMessage());
        }
    }

    private static Writability room(long pages, long maxPages, long freePages) {
        if (pages >= maxPages && freePages == 0) {
            return Writability.notWritable("the store is full: " + pages + " of at most " + maxPages
                    + " pages (max_page_count) used, none free");
        }
        return Writability.writable();
    }

    private static boolean isBusy(SQLiteException e) {
        String code = e.getResultCode().name();
        return code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED");
    }

    private static SQLException sqlCause(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }
}
