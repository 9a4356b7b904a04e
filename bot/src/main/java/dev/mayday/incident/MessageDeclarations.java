package dev.mayday.incident;

import dev.mayday.db.Database;
import dev.mayday.timeline.TimelineEntry;
import dev.mayday.timeline.TimelineKind;
import dev.mayday.timeline.TimelineRows;

/**
 * Declares an incident from a message: the declaration and the message as its first key event are stored in one
 * transaction, so the incident never exists without it, and a form submitted twice records it once.
 */
public final class MessageDeclarations {

    private final Database database;
    private final IncidentService incidents;
    private final IncidentNotifier notifier;

    public MessageDeclarations(Database database, IncidentService incidents, IncidentNotifier notifier) {
        this.database = database;
        this.incidents = incidents;
        this.notifier = notifier;
    }

    public Declared declare(Declaration declaration, QuotedMessage message) {
        Declared declared = database.inTransaction(store -> {
            Declared made = incidents.declareIn(store, declaration);
            if (made.isNew()) {
                long id = made.incident().id();
                // the message is in another channel: no slack_ts, so nothing links it as if it were in the incident's
                store.timeline().insert(TimelineRows.toRow(new TimelineEntry(id, message.postedAt(),
                        TimelineKind.PINNED, message.author(), message.text(), true, null,
                        "declared-from:" + id + ":" + message.channel() + ":" + message.ts())));
            }
            return made;
        });
        if (declared.isNew()) {
            notifier.declared(declared.incident());
        }
        return declared;
    }
}
