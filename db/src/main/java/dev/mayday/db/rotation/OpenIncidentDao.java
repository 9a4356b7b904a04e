package dev.mayday.db.rotation;

import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

import java.util.List;

/** The incidents still being worked on, as the App Home lists them. */
public interface OpenIncidentDao {

    /** Ids of incidents not resolved or closed, newest first. */
    @SqlQuery("SELECT id FROM incidents WHERE status NOT IN ('RESOLVED', 'CLOSED') ORDER BY id DESC LIMIT :limit")
    List<Long> openIncidentIds(@Bind("limit") int limit);
}
