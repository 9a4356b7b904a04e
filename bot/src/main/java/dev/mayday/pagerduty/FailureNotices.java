package dev.mayday.pagerduty;

import dev.mayday.db.Database;
import dev.mayday.incident.Incident;
import dev.mayday.incident.IncidentDirectory;
import dev.mayday.outbox.DeliveryError;
import dev.mayday.outbox.IncidentNotice;
import dev.mayday.outbox.Publications;
import dev.mayday.text.UserText;

import java.time.Clock;

/**
 * Tells an incident's channel that PagerDuty did not take something Mayday sent it: on the first failure (it keeps
 * trying) and when it gives up. Nothing is said for an incident without a channel.
 */
final class FailureNotices {

    private final IncidentDirectory directory;
    private final Database database;
    private final Clock clock;

    FailureNotices(IncidentDirectory directory, Database database, Clock clock) {
        this.directory = directory;
        this.database = database;
        this.clock = clock;
    }

    void failed(long incidentId, String what, DeliveryError failure, boolean isRetry, boolean willRetry) {
        if (isRetry && willRetry) {
            return;
        }
        if (directory.byId(incidentId).flatMap(Incident::channel).isEmpty()) {
            return;
        }
        String text = ":warning: Mayday could not " + what + " (" + UserText.inChannel(failure.reason()) + "). "
                + (willRetry ? "It keeps trying." : "Nothing more will be tried; please do it in PagerDuty.");
        database.inTransaction(store -> {
            Publications.enqueue(store, new IncidentNotice(incidentId, text), clock.instant());
            return null;
        });
    }
}
