package dev.mayday.incident;

import dev.mayday.db.Database;
import dev.mayday.db.incident.ChannelNameDao;
import dev.mayday.db.incident.ChannelNameRow;

/**
 * Who may ask Slack for a channel name. An incident claims a name in the store, committed, before it calls
 * {@code conversations.create} with it, and the first claim wins. So no two incidents ever ask Slack for one name, and
 * a channel that answers to a name an incident claimed is either that incident's own earlier attempt or a channel made
 * outside Mayday: never another incident's create whose answer is still on its way.
 */
public final class ChannelNameClaims implements ChannelClaims {

    private final Database database;

    public ChannelNameClaims(Database database) {
        this.database = database;
    }

    /** What this incident may do with {@code name}. */
    @Override
    public Claim claim(long incidentId, String name, boolean isPrivate) {
        return database.inTransaction(store -> {
            ChannelNameDao names = store.channelNames();
            names.claim(name, incidentId, isPrivate);
            ChannelNameRow row = names.byName(name).orElseThrow();
            if (row.incidentId() != incidentId) {
                return Claim.ANOTHER_INCIDENTS;
            }
            return row.takenElsewhere() ? Claim.TAKEN_ELSEWHERE : Claim.MINE;
        });
    }

    @Override
    public void takenElsewhere(String name) {
        database.inTransaction(store -> store.channelNames().markTakenElsewhere(name));
    }

    public enum Claim {
        /** Ask Slack for it; if Slack says it is taken, the channel may be this incident's own earlier attempt. */
        MINE,
        /** Another incident asked for it first: go on to the next name without calling Slack. */
        ANOTHER_INCIDENTS,
        /** This incident asked before and the name belongs to a channel it cannot use. */
        TAKEN_ELSEWHERE
    }
}
