package dev.mayday.people;

import dev.mayday.db.Database;
import dev.mayday.db.people.PersonRow;
import dev.mayday.postmortem.PersonNames;
import dev.mayday.text.UserText;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Who a Slack user id is, asked of Slack at most once a day per person and kept in the store, so that what Mayday
 * writes for people to read (the post-mortem file, the digest, the command line) names them, and paging finds their
 * email without asking twice. When Slack cannot answer, what the store holds is used, however old.
 */
public final class People {

    static final Duration FRESH_FOR = Duration.ofDays(1);

    private final Database database;
    private final UserLookup slack;
    private final Clock clock;

    public People(Database database, UserLookup slack, Clock clock) {
        this.database = database;
        this.slack = slack;
        this.clock = clock;
    }

    /** Who {@code userId} is: from the store when looked up within a day, else from Slack (and stored). */
    public Optional<Person> lookUp(String userId) {
        Optional<PersonRow> known = database.read(store -> store.people().byId(userId));
        if (known.isPresent() && clock.millis() - known.get().fetchedAt() < FRESH_FOR.toMillis()) {
            return known.map(People::toPerson);
        }
        Optional<Person> fetched;
        try {
            fetched = slack.fetch(userId);
        } catch (RuntimeException slackDown) {
            if (known.isPresent()) {
                return known.map(People::toPerson);
            }
            throw slackDown;
        }
        fetched.ifPresent(person -> database.inTransaction(store -> store.people().save(new PersonRow(person.userId(),
                person.displayName(), person.email().orElse(null), clock.millis()))));
        return fetched.or(() -> known.map(People::toPerson));
    }

    /** Looks up each of them, so that {@link #storedNames} can name them; a failure leaves that person unnamed. */
    public void remember(Collection<String> userIds) {
        for (String userId : userIds) {
            try {
                lookUp(userId);
            } catch (RuntimeException unnamed) {
                // the file then shows their user id, as it did before names were known
            }
        }
    }

    /**
     * Names for what Mayday writes outside the request path (the post-mortem file, the weekly digest): each person
     * looked up at most once per use, asked of Slack when the store has no fresh name; someone Slack does not know,
     * or cannot name right now, stays {@code @U…}. Plain names, never mentions: nobody is notified.
     */
    public PersonNames names() {
        Map<String, String> named = new HashMap<>();
        return userId -> named.computeIfAbsent(userId, id -> {
            try {
                return lookUp(id).map(person -> shown(person.displayName())).orElse("@" + id);
            } catch (RuntimeException slackDown) {
                return "@" + id;
            }
        });
    }

    /** Names from the store alone, never asking Slack (for answers in the request path and the command line). */
    public static PersonNames storedNames(Database database) {
        return userId -> database.read(store -> store.people().byId(userId)).map(row -> shown(row.displayName()))
                .orElse("@" + userId);
    }

    /** A name as plain text: nothing in it can become a mention, a broadcast or a link where it is shown. */
    private static String shown(String displayName) {
        return UserText.plain(displayName);
    }

    private static Person toPerson(PersonRow row) {
        return new Person(row.userId(), row.displayName(), Optional.ofNullable(row.email()));
    }
}
