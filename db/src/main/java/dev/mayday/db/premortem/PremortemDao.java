package dev.mayday.db.premortem;

import dev.mayday.db.incident.ChannelNameRow;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.util.List;
import java.util.Optional;

/** Pre-mortems, their risks, channel name claims, messages, summaries and links to incidents; see V035. */
@RegisterConstructorMapper(PremortemRow.class)
@RegisterConstructorMapper(RiskRow.class)
@RegisterConstructorMapper(PremortemLinkRow.class)
@RegisterConstructorMapper(PremortemSummaryRow.class)
@RegisterConstructorMapper(ChannelNameRow.class)
public interface PremortemDao {

    /** 1 when opened, 0 when a pre-mortem with this request key exists already (the same command again). */
    @SqlUpdate("""
            INSERT INTO premortems (id, change_text, opened_by, opened_at, request_key, is_private)
            SELECT coalesce(max(id), 0) + 1, :change, :openedBy, :openedAt, :requestKey, :isPrivate FROM premortems WHERE 1 = 1
            ON CONFLICT (request_key) DO NOTHING""")
    int open(@Bind("change") String change, @Bind("openedBy") String openedBy, @Bind("openedAt") long openedAt,
             @Bind("requestKey") String requestKey, @Bind("isPrivate") boolean isPrivate);

    @SqlQuery("SELECT * FROM premortems WHERE request_key = :requestKey")
    Optional<PremortemRow> byRequestKey(@Bind("requestKey") String requestKey);

    @SqlQuery("SELECT * FROM premortems WHERE id = :id")
    Optional<PremortemRow> byId(@Bind("id") long id);

    @SqlQuery("SELECT * FROM premortems WHERE channel_id = :channelId")
    Optional<PremortemRow> byChannel(@Bind("channelId") String channelId);

    /** Open ones, and those closed at or after {@code closedSince}, newest first. */
    @SqlQuery("SELECT * FROM premortems WHERE closed_at IS NULL OR closed_at >= :closedSince ORDER BY id DESC")
    List<PremortemRow> openOrClosedSince(@Bind("closedSince") long closedSince);

    /** 1 when the channel is now the pre-mortem's; 0 when it has one already or the channel is another's. */
    @SqlUpdate("""
            UPDATE premortems SET channel_id = :channelId, channel_name = :channelName
            WHERE id = :id AND channel_id IS NULL
              AND NOT EXISTS (SELECT 1 FROM incidents WHERE channel_id = :channelId)""")
    int attachChannel(@Bind("id") long id, @Bind("channelId") String channelId, @Bind("channelName") String channelName);

    @SqlUpdate("UPDATE premortems SET card_ts = :ts WHERE id = :id")
    int recordCard(@Bind("id") long id, @Bind("ts") String ts);

    @SqlUpdate("UPDATE premortems SET rollback_plan = :plan WHERE id = :id")
    int recordRollback(@Bind("id") long id, @Bind("plan") String plan);

    /** 1 when closed now, 0 when it was closed already. */
    @SqlUpdate("UPDATE premortems SET closed_at = :at, closed_by = :by WHERE id = :id AND closed_at IS NULL")
    int close(@Bind("id") long id, @Bind("at") long at, @Bind("by") String by);

    @SqlQuery("SELECT count(*) FROM premortems WHERE opened_at >= :from AND opened_at < :to")
    int openedBetween(@Bind("from") long from, @Bind("to") long to);

    // --- risks ---

    /** Adds the risk under the next number; 0 when this message's 📌 recorded one already. */
    @SqlUpdate("""
            INSERT INTO premortem_risks (premortem_id, number, risk_text, owner, added_by, added_at, source_ts)
            SELECT :premortemId, coalesce(max(number), 0) + 1, :text, :owner, :addedBy, :addedAt, :sourceTs
            FROM premortem_risks WHERE premortem_id = :premortemId
            ON CONFLICT DO NOTHING""")
    int addRisk(@Bind("premortemId") long premortemId, @Bind("text") String text, @Bind("owner") String owner,
                @Bind("addedBy") String addedBy, @Bind("addedAt") long addedAt, @Bind("sourceTs") String sourceTs);

    @SqlQuery("SELECT * FROM premortem_risks WHERE premortem_id = :premortemId ORDER BY number")
    List<RiskRow> risks(@Bind("premortemId") long premortemId);

    @SqlUpdate("UPDATE premortem_risks SET mitigation = :text WHERE premortem_id = :premortemId AND number = :number")
    int mitigate(@Bind("premortemId") long premortemId, @Bind("number") int number, @Bind("text") String text);

    // --- messages said in its channel (for 📌) ---

    @SqlUpdate("""
            INSERT INTO premortem_messages (channel_id, ts, author, message_text) VALUES (:channelId, :ts, :author, :text)
            ON CONFLICT (channel_id, ts) DO NOTHING""")
    int rememberMessage(@Bind("channelId") String channelId, @Bind("ts") String ts, @Bind("author") String author,
                        @Bind("text") String text);

    @SqlQuery("SELECT message_text FROM premortem_messages WHERE channel_id = :channelId AND ts = :ts")
    Optional<String> messageText(@Bind("channelId") String channelId, @Bind("ts") String ts);

    // --- channel names ---

    @SqlUpdate("""
            INSERT INTO premortem_channel_names (name, premortem_id, is_private) VALUES (:name, :premortemId, :isPrivate)
            ON CONFLICT (name) DO NOTHING""")
    int claimName(@Bind("name") String name, @Bind("premortemId") long premortemId, @Bind("isPrivate") boolean isPrivate);

    @SqlQuery("""
            SELECT name, premortem_id AS incident_id, is_private, taken_elsewhere FROM premortem_channel_names
            WHERE name = :name""")
    Optional<ChannelNameRow> nameClaim(@Bind("name") String name);

    @SqlUpdate("UPDATE premortem_channel_names SET taken_elsewhere = 1 WHERE name = :name")
    int markNameTakenElsewhere(@Bind("name") String name);

    // --- summaries ---

    @SqlUpdate("""
            INSERT INTO premortem_summaries (premortem_id, version, markdown, created_at)
            VALUES (:premortemId, :version, :markdown, :createdAt)
            ON CONFLICT (premortem_id, version) DO NOTHING""")
    int storeSummary(@BindMethods PremortemSummaryRow row);

    @SqlQuery("SELECT * FROM premortem_summaries WHERE premortem_id = :premortemId ORDER BY version DESC LIMIT 1")
    Optional<PremortemSummaryRow> latestSummary(@Bind("premortemId") long premortemId);

    @SqlUpdate("UPDATE premortem_summaries SET file_id = :fileId WHERE premortem_id = :premortemId AND version = :version")
    int recordSummaryFile(@Bind("premortemId") long premortemId, @Bind("version") int version,
                          @Bind("fileId") String fileId);

    // --- links to incidents ---

    @SqlUpdate("""
            INSERT INTO premortem_links (incident_id, premortem_id, happened_risk, rollback_used, linked_by, linked_at)
            VALUES (:incidentId, :premortemId, :happenedRisk, :rollbackUsed, :linkedBy, :linkedAt)
            ON CONFLICT (incident_id) DO UPDATE SET premortem_id = excluded.premortem_id,
                happened_risk = excluded.happened_risk, rollback_used = excluded.rollback_used,
                linked_by = excluded.linked_by, linked_at = excluded.linked_at""")
    int link(@BindMethods PremortemLinkRow row);

    @SqlQuery("SELECT * FROM premortem_links WHERE incident_id = :incidentId")
    Optional<PremortemLinkRow> linkOf(@Bind("incidentId") long incidentId);

    /**
     * Of the incidents declared in [from, to), how many are linked to a pre-mortem with the risk that happened; drills
     * are not incidents in the digest's numbers.
     */
    @SqlQuery("""
            SELECT count(*) FROM premortem_links l JOIN incidents i ON i.id = l.incident_id
            WHERE i.declared_at >= :from AND i.declared_at < :to AND l.happened_risk IS NOT NULL
              AND i.practice = 0""")
    int foreseenBetween(@Bind("from") long from, @Bind("to") long to);
}
