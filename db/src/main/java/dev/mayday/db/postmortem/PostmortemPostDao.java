package dev.mayday.db.postmortem;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.util.Optional;

@RegisterConstructorMapper(PostmortemPostRow.class)
public interface PostmortemPostDao {

    @SqlQuery("SELECT * FROM postmortem_posts WHERE incident_id = :incidentId")
    Optional<PostmortemPostRow> of(@Bind("incidentId") long incidentId);

    @SqlUpdate("""
            INSERT INTO postmortem_posts (incident_id, file_id, summary_ts, version)
            VALUES (:incidentId, :fileId, :summaryTs, :version)
            ON CONFLICT (incident_id) DO UPDATE SET file_id = :fileId, summary_ts = :summaryTs, version = :version""")
    int save(@Bind("incidentId") long incidentId, @Bind("fileId") String fileId, @Bind("summaryTs") String summaryTs,
             @Bind("version") int version);
}
