package dev.mayday.slack.delivery;

import dev.mayday.db.Database;
import dev.mayday.outbox.HomeRefresh;
import dev.mayday.slack.views.Mentions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * Asks for App Home refreshes from outside a transaction (a new incident's channel set up, the tab opened):
 * one {@link HomeRefresh} row per person, unless one is waiting already. The caller wakes the outbox. A refresh that
 * cannot be queued is logged, never thrown: the change it follows has committed, and the next opening of the tab shows
 * the truth.
 */
public final class HomeRefreshes {

    private static final Logger log = LoggerFactory.getLogger(HomeRefreshes.class);

    private final Database database;
    private final Clock clock;

    public HomeRefreshes(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** Queues a refresh for each of {@code users} that is a Slack user id. */
    public void queue(Collection<String> users) {
        Set<String> people = new TreeSet<>();
        users.stream().filter(user -> user != null && Mentions.isUserId(user)).forEach(people::add);
        if (people.isEmpty()) {
            return;
        }
        try {
            // inserts under unique keys only: row locks keep them right, where SERIALIZABLE refused them when a declare
            // or a claim touched the same person's key at once
            database.inTransactionUnderRowLocks(store -> {
                people.forEach(user -> HomeRefresh.now(user).queue(store, clock.instant()));
                return null;
            });
        } catch (RuntimeException e) {
            log.warn("Could not queue App Home refreshes for {}: {}", people, e.getMessage());
        }
    }
}
