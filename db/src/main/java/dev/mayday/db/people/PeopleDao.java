package dev.mayday.db.people;

import dev.mayday.db.sql.Sql;

import java.util.Optional;

/** The display names (and emails) of Slack users, as last looked up. */
public final class PeopleDao {

    private static final String UPSERT = """
            INSERT INTO people (user_id, display_name, email, fetched_at) VALUES (?, ?, ?, ?)
            ON CONFLICT (user_id) DO UPDATE SET display_name = excluded.display_name, email = excluded.email,
                fetched_at = excluded.fetched_at""";

    private final Sql sql;

    public PeopleDao(Sql sql) {
        this.sql = sql;
    }

    public Optional<PersonRow> byId(String userId) {
        return sql.first("SELECT user_id, display_name, email, fetched_at FROM people WHERE user_id = ?",
                row -> new PersonRow(row.getString("user_id"), row.getString("display_name"), row.getString("email"),
                        row.getLong("fetched_at")), userId);
    }

    public int save(PersonRow person) {
        return sql.update(UPSERT, person.userId(), person.displayName(), person.email(), person.fetchedAt());
    }
}
