package dev.mayday.db.postmortem;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.util.List;
import java.util.Optional;

@RegisterConstructorMapper(LearningRow.class)
public interface LearningDao {

    @SqlUpdate("""
            INSERT INTO learnings (incident_id, text, author, created_at)
            VALUES (:incidentId, :text, :author, :createdAt)""")
    @GetGeneratedKeys("id")
    long insert(@Bind("incidentId") long incidentId, @Bind("text") String text, @Bind("author") String author,
                @Bind("createdAt") long createdAt);

    @SqlQuery("SELECT * FROM learnings WHERE id = :id")
    Optional<LearningRow> byId(@Bind("id") long id);

    @SqlQuery("SELECT * FROM learnings WHERE incident_id = :incidentId ORDER BY id")
    List<LearningRow> forIncident(@Bind("incidentId") long incidentId);

    /** The learnings of the incidents closed in [from, to), by incident and then as written. */
    @SqlQuery("""
            SELECT l.* FROM learnings l JOIN incidents i ON i.id = l.incident_id
            WHERE i.closed_at >= :from AND i.closed_at < :to
            ORDER BY i.closed_at, l.incident_id, l.id""")
    List<LearningRow> ofIncidentsClosedBetween(@Bind("from") long from, @Bind("to") long to);
}
