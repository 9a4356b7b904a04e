package dev.mayday.premortem;

import dev.mayday.db.Database;
import dev.mayday.db.incident.ChannelNameRow;
import dev.mayday.incident.ChannelClaims;
import dev.mayday.incident.ChannelNameClaims.Claim;

/** The channel names pre-mortems asked Slack for: claimed first, as incidents claim theirs. */
public final class PremortemChannelClaims implements ChannelClaims {

    private final Database database;

    public PremortemChannelClaims(Database database) {
        this.database = database;
    }

    @Override
    public Claim claim(long premortemId, String name, boolean isPrivate) {
        return database.inTransaction(store -> {
            store.premortems().claimName(name, premortemId, isPrivate);
            ChannelNameRow row = store.premortems().nameClaim(name).orElseThrow();
            if (row.incidentId() != premortemId) {
                return Claim.ANOTHER_INCIDENTS;
            }
            return row.takenElsewhere() ? Claim.TAKEN_ELSEWHERE : Claim.MINE;
        });
    }

    @Override
    public void takenElsewhere(String name) {
        database.inTransaction(store -> store.premortems().markNameTakenElsewhere(name));
    }
}
