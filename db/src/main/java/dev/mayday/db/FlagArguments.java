package dev.mayday.db;

import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.argument.ArgumentFactory;
import org.jdbi.v3.core.argument.NullArgument;
import org.jdbi.v3.core.config.ConfigRegistry;

import java.lang.reflect.Type;
import java.sql.Types;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Binds a boolean (primitive or boxed) as 1 or 0. Flags are INTEGER columns on both kinds of store, so that the same
 * SQL ({@code deleted = 1}) runs on both: SQLite stores a bound boolean as 1 or 0 anyway, but PostgreSQL refuses a
 * boolean for an integer column. {@link dev.mayday.db.sql.Sql} binds its flags the same way.
 */
final class FlagArguments implements ArgumentFactory.Preparable {

    private static final List<Type> FLAGS = List.of(boolean.class, Boolean.class);

    @Override
    public Optional<Function<Object, Argument>> prepare(Type type, ConfigRegistry config) {
        if (!FLAGS.contains(type)) {
            return Optional.empty();
        }
        return Optional.of(value -> value == null ? new NullArgument(Types.INTEGER)
                : (position, statement, context) -> statement.setInt(position, (Boolean) value ? 1 : 0));
    }

    @Override
    public Collection<Type> prePreparedTypes() {
        return FLAGS;
    }
}
