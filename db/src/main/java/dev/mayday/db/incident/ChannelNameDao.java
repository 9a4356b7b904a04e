package dev.mayday.db.incident;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.util.Optional;

/** The channel names incidents have asked Slack for, and the set-up failures already reported; see V014. */
@RegisterConstructorMapper(ChannelNameRow.class)
public interface ChannelNameDao {

    /** 1 if the name was free and is now this incident's, 0 if someone claimed it before (maybe this incident). */
    @SqlUpdate("""
            INSERT INTO channel_names (name, incident_id, is_private) VALUES (:name, :incidentId, :isPrivate)
            ON CONFLICT (name) DO NOTHING""")
    int claim(@Bind("name") String name, @Bind("incidentId") long incidentId, @Bind("isPrivate") boolean isPrivate);

    @SqlQuery("SELECT * FROM channel_names WHERE name = :name")
    Optional<ChannelNameRow> byName(@Bind("name") String name);

    @SqlUpdate("UPDATE channel_names SET taken_elsewhere = 1 WHERE name = :name")
    int markTakenElsewhere(@Bind("name") String name);
}
