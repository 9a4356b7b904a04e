package dev.mayday.db.sql;

import org.jdbi.v3.core.JdbiException;

import java.sql.SQLException;

/**
 * A statement run through {@link Sql} failed. It is one of Jdbi's exceptions so that the store turns it into its own
 * {@code StoreException} at the same place as every other failure (the unit of work, the transaction).
 */
public final class StatementFailed extends JdbiException {

    StatementFailed(String sql, SQLException cause) {
        super(cause.getMessage() + " [statement: " + sql.strip().replaceAll("\\s+", " ") + "]", cause);
    }
}
