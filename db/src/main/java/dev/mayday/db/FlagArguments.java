package dev.mayday.db;

import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;

import java.sql.Types;

/**
 * Binds a boolean as 1 or 0. Flags are INTEGER columns on both kinds of store, so that the same SQL ({@code deleted = 1})
 * runs on both: SQLite stores a bound boolean as 1 or 0 anyway, but PostgreSQL refuses a boolean for an integer column.
 * {@link dev.mayday.db.sql.Sql} binds its flags the same way.
 */
final class FlagArguments extends AbstractArgumentFactory<Boolean> {

    FlagArguments() {
        super(Types.INTEGER);
    }

    @Override
    protected Argument build(Boolean value, ConfigRegistry config) {
        return (position, statement, context) -> statement.setInt(position, value ? 1 : 0);
    }
}
