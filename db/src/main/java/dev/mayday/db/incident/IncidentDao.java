package dev.mayday.db.incident;

import dev.mayday.db.sql.Sql;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** The incidents themselves: declared once per origin, then changed in place. */
public final class IncidentDao {

    private static final String INSERT_IF_NEW = """
            INSERT INTO incidents (title, summary, severity, status, is_private, declared_by, lead, declared_at,
                                   origin_key, origin_channel, updated_at, responder, lead_reason, practice)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (origin_key) DO NOTHING
            RETURNING *""";
    private static final String BY_ID = "SELECT * FROM incidents WHERE id = ?";
    private static final String BY_CHANNEL = "SELECT * FROM incidents WHERE channel_id = ?";
    private static final String BY_ORIGIN_KEY = "SELECT * FROM incidents WHERE origin_key = ?";
    private static final String UPDATE_STATE = """
            UPDATE incidents SET severity = ?, status = ?, lead = ?, responder = ?, lead_reason = ?,
                   acknowledged_at = ?, resolved_at = ?, closed_at = ?, resolution = ?, updated_at = ?
            WHERE id = ?""";
    private static final String ATTACH_CHANNEL = """
            UPDATE incidents SET channel_id = ?, channel_name = ? WHERE id = ? AND channel_id IS NULL""";

    private final Sql sql;

    public IncidentDao(Sql sql) {
        this.sql = sql;
    }

    /** Returns 1 when stored, 0 when an incident with the same origin key exists. */
    public int insertIfNew(IncidentRow row) {
        return insertedIfNew(row).isPresent() ? 1 : 0;
    }

    /**
     * Stores {@code row} and returns it as stored (with its id), in one statement; empty when an incident with the
     * same origin key exists (then nothing changes).
     */
    public Optional<IncidentRow> insertedIfNew(IncidentRow row) {
        IncidentRow.People people = row.people();
        return sql.first(INSERT_IF_NEW, IncidentDao::read, row.title(), row.summary(), row.severity(), row.status(),
                row.isPrivate(), people.declaredBy(), people.lead(), row.times().declaredAt(), row.originKey(),
                row.place().originChannel(), row.times().declaredAt(), people.responder(), people.leadReason(),
                row.practice());
    }

    public Optional<IncidentRow> byId(long id) {
        return sql.first(BY_ID, IncidentDao::read, id);
    }

    public Optional<IncidentRow> byChannel(String channelId) {
        return sql.first(BY_CHANNEL, IncidentDao::read, channelId);
    }

    public Optional<IncidentRow> byOriginKey(String originKey) {
        return sql.first(BY_ORIGIN_KEY, IncidentDao::read, originKey);
    }

    public List<IncidentRow> all() {
        return sql.list("SELECT * FROM incidents ORDER BY id", IncidentDao::read);
    }

    public int updateState(IncidentRow row) {
        IncidentRow.People people = row.people();
        IncidentRow.Times times = row.times();
        return sql.update(UPDATE_STATE, row.severity(), row.status(), people.lead(), people.responder(),
                people.leadReason(), times.acknowledgedAt(), times.resolvedAt(), times.closedAt(), row.resolution(),
                row.updatedAt(), row.id());
    }

    public int attachChannel(long id, String channelId, String channelName) {
        return sql.update(ATTACH_CHANNEL, channelId, channelName, id);
    }

    public int setCardTs(long id, String ts) {
        return sql.update("UPDATE incidents SET card_ts = ? WHERE id = ?", ts, id);
    }

    public int setAnnouncementTs(long id, String ts) {
        return sql.update("UPDATE incidents SET announcement_ts = ? WHERE id = ?", ts, id);
    }

    /** The one place an {@code incidents} row becomes an {@link IncidentRow}, column by column name. */
    private static IncidentRow read(ResultSet row) throws SQLException {
        IncidentRow.People people = new IncidentRow.People(row.getString("declared_by"), row.getString("lead"),
                row.getString("responder"), row.getString("lead_reason"));
        IncidentRow.Times times = new IncidentRow.Times(row.getLong("declared_at"),
                Sql.nullableLong(row, "acknowledged_at"), Sql.nullableLong(row, "resolved_at"),
                Sql.nullableLong(row, "closed_at"));
        IncidentRow.Place place = new IncidentRow.Place(row.getString("origin_channel"), row.getString("channel_id"),
                row.getString("channel_name"), row.getString("card_ts"), row.getString("announcement_ts"));
        return new IncidentRow(row.getLong("id"), row.getString("title"), row.getString("summary"),
                row.getString("severity"), row.getString("status"), row.getBoolean("is_private"),
                row.getBoolean("practice"), people, times,
                row.getString("resolution"), row.getString("origin_key"), place, row.getLong("updated_at"));
    }
}
