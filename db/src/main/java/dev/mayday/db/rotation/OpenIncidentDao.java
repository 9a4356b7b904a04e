package dev.mayday.db.rotation;

import org.jdbi.v3.sqlobject.config.KeyColumn;
import org.jdbi.v3.sqlobject.config.ValueColumn;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

import java.util.List;
import java.util.Map;

/** The incidents still being worked on, as the App Home lists them. */
public interface OpenIncidentDao {

    /** Ids of incidents not resolved or closed, newest first. */
    @SqlQuery("SELECT id FROM incidents WHERE status NOT IN ('RESOLVED', 'CLOSED') ORDER BY id DESC LIMIT :limit")
    List<Long> openIncidentIds(@Bind("limit") int limit);

    /** How many incidents are open (not resolved or closed) at each severity; a severity with none is absent. */
    @SqlQuery("SELECT severity, count(*) AS how_many FROM incidents WHERE status NOT IN ('RESOLVED', 'CLOSED') "
            + "GROUP BY severity")
    @KeyColumn("severity")
    @ValueColumn("how_many")
    Map<String, Integer> openCountBySeverity();
}
