package dev.mayday.slack.delivery;

import dev.mayday.incident.Incident;
import dev.mayday.incident.IncidentChange;
import dev.mayday.incident.IncidentNotifier;

import java.util.Objects;

/**
 * Queues App Home refreshes for the people a committed change concerns (declarer, lead, responder, before and after)
 * when it changes what a Home shows, then tells the outbox (which delivers them with the rest). Neither blocks the
 * caller for long: one small write.
 */
public final class HomeRefreshingNotifier implements IncidentNotifier {

    private final IncidentNotifier delivery;
    private final HomeRefreshes homes;

    public HomeRefreshingNotifier(IncidentNotifier delivery, HomeRefreshes homes) {
        this.delivery = delivery;
        this.homes = homes;
    }

    @Override
    public void declared(Incident incident) {
        homes.queue(HomeRefreshes.involved(incident));
        delivery.declared(incident);
    }

    @Override
    public void changed(IncidentChange change) {
        if (shownOnHomeChanged(change.before(), change.after())) {
            homes.queue(HomeRefreshes.involved(change.before(), change.after()));
        }
        delivery.changed(change);
    }

    @Override
    public void queued(long incidentId) {
        delivery.queued(incidentId);
    }

    private static boolean shownOnHomeChanged(Incident before, Incident after) {
        return before.severity() != after.severity() || before.status() != after.status()
                || !before.lead().equals(after.lead()) || !Objects.equals(before.people().responder(), after.people().responder())
                || !before.title().equals(after.title());
    }
}
