package dev.mayday.db.postmortem;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.util.List;
import java.util.Optional;

@RegisterConstructorMapper(PostmortemRow.class)
public interface PostmortemDao {

    /** The version the next draft of the incident gets: 1 for the first. */
    @SqlQuery("SELECT coalesce(max(version), 0) + 1 FROM postmortems WHERE incident_id = :incidentId")
    int nextVersion(@Bind("incidentId") long incidentId);

    /** Returns 0 (storing nothing) when that version of the incident's draft exists already. */
    @SqlUpdate("""
            INSERT INTO postmortems (incident_id, version, markdown, created_at)
            VALUES (:incidentId, :version, :markdown, :createdAt)
            ON CONFLICT (incident_id, version) DO NOTHING""")
    int insertIfAbsent(@BindMethods PostmortemRow row);

    /** The current draft: the highest version. */
    @SqlQuery("SELECT * FROM postmortems WHERE incident_id = :incidentId ORDER BY version DESC LIMIT 1")
    Optional<PostmortemRow> latest(@Bind("incidentId") long incidentId);

    @SqlQuery("SELECT * FROM postmortems WHERE incident_id = :incidentId ORDER BY version")
    List<PostmortemRow> versions(@Bind("incidentId") long incidentId);
}
