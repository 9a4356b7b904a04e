package dev.mayday.incident;

import dev.mayday.db.Database;
import dev.mayday.outbox.PagerAcknowledge;
import dev.mayday.outbox.PagerNote;
import dev.mayday.outbox.PagerPriority;
import dev.mayday.outbox.PagerResolve;
import dev.mayday.outbox.Publications;
import dev.mayday.timeline.TimelineEntry;
import dev.mayday.timeline.TimelineKind;

import java.time.Instant;

/**
 * What a change made in Slack sends to PagerDuty, queued in the change's transaction. Only for an incident that
 * PagerDuty knows (it mirrors a PagerDuty incident, or has pages linked or on their way), and never for a change
 * that came from PagerDuty: what came from PagerDuty is not sent back.
 * <ul>
 *   <li>resolve: its PagerDuty incidents are resolved; a note becomes a note on the mirrored one;</li>
 *   <li>the lead's first action: its PagerDuty incidents are acknowledged, so PagerDuty stops escalating;</li>
 *   <li>a severity change: the mirrored incident's priority follows.</li>
 * </ul>
 */
final class PagerRules {

    private PagerRules() {
    }

    static void queue(Database.Store store, Incident before, Incident after, TimelineEntry entry, Instant now) {
        long id = before.id();
        if (store.pagerDuty().isPaged(id) == 0) {
            return;
        }
        boolean mirrors = store.pagerDuty().pagerIdOf(id).isPresent();
        if (before.times().acknowledgedAt() == null && after.times().acknowledgedAt() != null) {
            Publications.enqueue(store, new PagerAcknowledge(id), now);
        }
        if (entry.kind() == TimelineKind.RESOLVED) {
            Publications.enqueue(store, new PagerResolve(id), now);
        } else if (entry.kind() == TimelineKind.NOTE_ADDED && mirrors) {
            Publications.enqueue(store, new PagerNote(id, entry.actor(), entry.text()), now);
        } else if (entry.kind() == TimelineKind.SEVERITY_CHANGED && before.severity() != after.severity()) {
            Publications.enqueue(store, new PagerPriority(id, after.severity().name()), now);
        }
    }
}
