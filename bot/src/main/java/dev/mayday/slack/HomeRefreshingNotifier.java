package dev.mayday.slack;

import dev.mayday.incident.Incident;
import dev.mayday.incident.IncidentChange;
import dev.mayday.incident.IncidentNotifier;

import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Tells the outbox about a committed change, then refreshes the App Home of the people it concerns (declarer, lead,
 * responder, before and after) when it changes what a Home shows. Neither blocks the caller.
 */
public final class HomeRefreshingNotifier implements IncidentNotifier {

    private final IncidentNotifier delivery;
    private final AppHome home;

    public HomeRefreshingNotifier(IncidentNotifier delivery, AppHome home) {
        this.delivery = delivery;
        this.home = home;
    }

    @Override
    public void declared(Incident incident) {
        delivery.declared(incident);
        home.refreshWhenChannelReady(incident.id(), people(incident, incident));
    }

    @Override
    public void changed(IncidentChange change) {
        delivery.changed(change);
        if (shownOnHomeChanged(change.before(), change.after())) {
            home.refresh(people(change.before(), change.after()));
        }
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

    private static Set<String> people(Incident before, Incident after) {
        Set<String> people = new TreeSet<>();
        for (Incident incident : new Incident[] {before, after}) {
            people.add(incident.people().declaredBy());
            people.add(incident.lead());
            incident.people().pairedResponder().ifPresent(people::add);
        }
        return people;
    }
}
