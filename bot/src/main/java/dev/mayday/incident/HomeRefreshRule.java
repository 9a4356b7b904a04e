package dev.mayday.incident;

import dev.mayday.db.Database;
import dev.mayday.outbox.HomeRefresh;
import dev.mayday.text.SlackMarkup;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Whose App Home a declaration or a change alters, queued in the same transaction as the change: the declarer, the
 * lead and the paired responder, before and after, when something a Home shows moved (severity, status, lead,
 * responder, title). At most one refresh waits per person, so a burst of changes publishes each Home once.
 */
public final class HomeRefreshRule {

    private HomeRefreshRule() {
    }

    static void declared(Database.Store store, Incident incident, Instant now) {
        queue(store, involved(incident), now);
    }

    static void changed(Database.Store store, Incident before, Incident after, Instant now) {
        if (shownOnHomeChanged(before, after)) {
            queue(store, involved(before, after), now);
        }
    }

    private static boolean shownOnHomeChanged(Incident before, Incident after) {
        return before.severity() != after.severity() || before.status() != after.status()
                || !before.lead().equals(after.lead())
                || !Objects.equals(before.people().responder(), after.people().responder())
                || !before.title().equals(after.title());
    }

    /** Whose Home shows these incidents as theirs (declarer, lead, paired responder), by Slack user id. */
    public static Set<String> involved(Incident... incidents) {
        Set<String> people = new TreeSet<>();
        for (Incident incident : incidents) {
            people.add(incident.people().declaredBy());
            people.add(incident.lead());
            incident.people().pairedResponder().ifPresent(people::add);
        }
        people.removeIf(user -> !SlackMarkup.isUserId(user));
        return people;
    }

    private static void queue(Database.Store store, Set<String> users, Instant now) {
        users.forEach(user -> HomeRefresh.now(user).queue(store, now));
    }
}
