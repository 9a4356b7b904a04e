package dev.mayday.db.postmortem;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.util.List;
import java.util.Optional;

@RegisterConstructorMapper(ActionItemRow.class)
public interface ActionItemDao {

    @SqlUpdate("""
            INSERT INTO action_items (incident_id, text, owner, state, created_by, created_at)
            VALUES (:incidentId, :text, :owner, 'OPEN', :createdBy, :createdAt)""")
    @GetGeneratedKeys("id")
    long insert(@Bind("incidentId") long incidentId, @Bind("text") String text, @Bind("owner") String owner,
                @Bind("createdBy") String createdBy, @Bind("createdAt") long createdAt);

    @SqlQuery("SELECT * FROM action_items WHERE id = :id")
    Optional<ActionItemRow> byId(@Bind("id") long id);

    @SqlQuery("SELECT * FROM action_items WHERE incident_id = :incidentId ORDER BY id")
    List<ActionItemRow> forIncident(@Bind("incidentId") long incidentId);

    /**
     * Returns 1 when the item moved to DONE, 0 when it is missing, belongs to another incident, or was done before
     * (its first time stays).
     */
    @SqlUpdate("""
            UPDATE action_items SET state = 'DONE', done_at = :doneAt, done_by = :doneBy
            WHERE id = :id AND incident_id = :incidentId AND state = 'OPEN'""")
    int markDone(@Bind("incidentId") long incidentId, @Bind("id") long id, @Bind("doneBy") String doneBy,
                 @Bind("doneAt") long doneAt);

    /** Every open item of every incident, oldest first. */
    @SqlQuery("SELECT * FROM action_items WHERE state = 'OPEN' ORDER BY created_at, id")
    List<ActionItemRow> open();

    /** Items created in [from, to), oldest first. */
    @SqlQuery("SELECT * FROM action_items WHERE created_at >= :from AND created_at < :to ORDER BY created_at, id")
    List<ActionItemRow> createdBetween(@Bind("from") long from, @Bind("to") long to);

    /** Items done in [from, to), in the order they were done. */
    @SqlQuery("SELECT * FROM action_items WHERE done_at >= :from AND done_at < :to ORDER BY done_at, id")
    List<ActionItemRow> doneBetween(@Bind("from") long from, @Bind("to") long to);
}
