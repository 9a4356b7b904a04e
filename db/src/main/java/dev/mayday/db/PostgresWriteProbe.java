package dev.mayday.db;

import org.jdbi.v3.core.Jdbi;

import java.sql.SQLException;

/**
 * One small write in a transaction, as every real write takes one: a server that still answers reads can have stopped
 * taking writes (a replica promoted away, a full disk, {@code default_transaction_read_only}). A probe stuck behind a
 * lock gives up after {@link #WAIT_MS} and is reported busy; a server that cannot be reached is not writable.
 */
final class PostgresWriteProbe implements WriteProbe {

    static final int WAIT_MS = 1_000;

    private final Jdbi jdbi;

    PostgresWriteProbe(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Writability probe() {
        try {
            jdbi.useTransaction(handle -> {
                handle.execute("SET LOCAL statement_timeout = " + WAIT_MS);
                handle.execute("UPDATE health_probe SET probes = probes + 1 WHERE id = 1");
            });
            return Writability.writable();
        } catch (RuntimeException e) {
            SQLException cause = sqlCause(e);
            if (cause != null && ("57014".equals(cause.getSQLState()) || "55P03".equals(cause.getSQLState()))) {
                return Writability.busy(cause.getMessage());
            }
            return Writability.notWritable(cause == null ? String.valueOf(e.getMessage()) : cause.getMessage());
        }
    }

    private static SQLException sqlCause(Throwable e) {
        for (Throwable cause = e; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }
}
