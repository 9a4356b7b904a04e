package dev.mayday.db.incident;

import dev.mayday.db.sql.Sql;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The channel names incidents have asked Slack for, and the set-up failures already reported; see V014. Plain
 * statements over {@link Sql}: every channel set-up claims a name inside the writer's turn.
 */
public final class ChannelNameDao {

    private final Sql sql;

    public ChannelNameDao(Sql sql) {
        this.sql = sql;
    }

    /** 1 if the name was free and is now this incident's, 0 if someone claimed it before (maybe this incident). */
    public int claim(String name, long incidentId, boolean isPrivate) {
        return sql.update("INSERT INTO channel_names (name, incident_id, is_private) VALUES (?, ?, ?) "
                + "ON CONFLICT (name) DO NOTHING", name, incidentId, isPrivate);
    }

    public Optional<ChannelNameRow> byName(String name) {
        return sql.first("SELECT * FROM channel_names WHERE name = ?", ChannelNameDao::read, name);
    }

    public int markTakenElsewhere(String name) {
        return sql.update("UPDATE channel_names SET taken_elsewhere = 1 WHERE name = ?", name);
    }

    private static ChannelNameRow read(ResultSet row) throws SQLException {
        return new ChannelNameRow(row.getString("name"), row.getLong("incident_id"), row.getInt("is_private") != 0,
                row.getInt("taken_elsewhere") != 0);
    }
}
