package dev.mayday.db.incident;

import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.util.List;
import java.util.Optional;

@RegisterRowMapper(IncidentRowMapper.class)
public interface IncidentDao {

    @SqlUpdate("""
            INSERT INTO incidents (title, summary, severity, status, is_private, declared_by, lead, declared_at,
                                   origin_key, origin_channel, updated_at, responder, lead_reason)
            VALUES (:title, :summary, :severity, :status, :isPrivate, :people.declaredBy, :people.lead,
                    :times.declaredAt, :originKey, :place.originChannel, :times.declaredAt, :people.responder,
                    :people.leadReason)
            ON CONFLICT (origin_key) DO NOTHING""")
    int insertIfNew(@BindMethods IncidentRow row);

    @SqlQuery("SELECT * FROM incidents WHERE id = :id")
    Optional<IncidentRow> byId(@Bind("id") long id);

    @SqlQuery("SELECT * FROM incidents WHERE channel_id = :channelId")
    Optional<IncidentRow> byChannel(@Bind("channelId") String channelId);

    @SqlQuery("SELECT * FROM incidents WHERE origin_key = :originKey")
    Optional<IncidentRow> byOriginKey(@Bind("originKey") String originKey);

    @SqlQuery("SELECT * FROM incidents ORDER BY id")
    List<IncidentRow> all();

    @SqlUpdate("""
            UPDATE incidents SET severity = :severity, status = :status, lead = :people.lead,
                   responder = :people.responder, lead_reason = :people.leadReason,
                   acknowledged_at = :times.acknowledgedAt, resolved_at = :times.resolvedAt,
                   closed_at = :times.closedAt,
                   resolution = :resolution, updated_at = :updatedAt
            WHERE id = :id""")
    int updateState(@BindMethods IncidentRow row);

    @SqlUpdate("UPDATE incidents SET channel_id = :channelId, channel_name = :channelName WHERE id = :id AND channel_id IS NULL")
    int attachChannel(@Bind("id") long id, @Bind("channelId") String channelId, @Bind("channelName") String channelName);

    @SqlUpdate("UPDATE incidents SET card_ts = :ts WHERE id = :id")
    int setCardTs(@Bind("id") long id, @Bind("ts") String ts);

    @SqlUpdate("UPDATE incidents SET announcement_ts = :ts WHERE id = :id")
    int setAnnouncementTs(@Bind("id") long id, @Bind("ts") String ts);
}
