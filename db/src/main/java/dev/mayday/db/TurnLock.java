package dev.mayday.db;

import dev.mayday.db.sql.Sql;

/**
 * Makes units of work about one thing (a PagerDuty incident's events) take turns, until the transaction that took the
 * lock ends, so each reads what the one before it wrote. On SQLite writes already take turns; on PostgreSQL it is a
 * transaction-scoped advisory lock on the name's hash (two ints, apart from {@link PickLock}'s key): a collision of
 * two names only makes them wait for each other.
 */
public final class TurnLock {

    /** "MD" and 1: the class of Mayday's turn locks. */
    static final int CLASS = 0x4d_44_00_01;

    private final Sql sql;
    private final StoreKind kind;
    private final String name;

    TurnLock(Sql sql, StoreKind kind, String name) {
        this.sql = sql;
        this.kind = kind;
        this.name = name;
    }

    /** Waits for any other transaction holding this name's turn; held until this transaction ends. */
    public void take() {
        if (kind == StoreKind.POSTGRESQL) {
            sql.list("SELECT pg_advisory_xact_lock(?, ?)", row -> Boolean.TRUE, CLASS, name.hashCode());
        }
    }
}
