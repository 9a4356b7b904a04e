package dev.mayday.db;

import dev.mayday.db.sql.Sql;
import org.jdbi.v3.core.Handle;

import java.sql.SQLException;

/**
 * Makes rotation picks take turns, until the transaction that took the lock ends: a pick reads the ledger and the open
 * incidents, then writes the ledger, and two at once must not both pick against the same counts. On SQLite the store
 * already has one writer at a time; on PostgreSQL, where processes write at once, this is a transaction-scoped
 * advisory lock (SERIALIZABLE would catch the collision too, but only by running one pick again).
 */
public final class PickLock {

    /** The advisory lock's key: "Mayday" and the lock's number, so it stays apart from any other application's. */
    static final long KEY = 0x4d_61_79_64_61_79_00_01L;

    private final Sql sql;
    private final StoreKind kind;

    private PickLock(Sql sql, StoreKind kind) {
        this.sql = sql;
        this.kind = kind;
    }

    /** The lock as the store of {@code handle}'s connection takes it. */
    static PickLock on(Handle handle, Sql sql) {
        return new PickLock(sql, kindOf(handle));
    }

    /** The kind of store {@code handle}'s connection belongs to. */
    static StoreKind kindOf(Handle handle) {
        try {
            return StoreKind.of(handle.getConnection().getMetaData().getURL());
        } catch (SQLException e) {
            throw new StoreException("could not tell which kind of store this is: " + e.getMessage(), e);
        }
    }

    /** Waits for any other pick's transaction to end; held until this transaction ends. */
    public void take() {
        if (kind == StoreKind.POSTGRESQL) {
            sql.list("SELECT pg_advisory_xact_lock(?)", row -> Boolean.TRUE, KEY);
        }
    }
}
