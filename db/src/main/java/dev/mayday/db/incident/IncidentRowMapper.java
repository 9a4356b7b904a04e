package dev.mayday.db.incident;

import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Maps an {@code incidents} row by column name: the one place a column becomes a field. Jdbi's constructor mapper
 * works this out again by reflection for every query (matching columns to parameters, nullability, qualifiers), which
 * cost more than the query itself on the declare path: every declaration reads the incidents table twice while it
 * holds the store's only turn to write.
 */
public final class IncidentRowMapper implements RowMapper<IncidentRow> {

    @Override
    public IncidentRow map(ResultSet rs, StatementContext ctx) throws SQLException {
        IncidentRow.People people = new IncidentRow.People(rs.getString("declared_by"), rs.getString("lead"),
                rs.getString("responder"), rs.getString("lead_reason"));
        IncidentRow.Times times = new IncidentRow.Times(rs.getLong("declared_at"), nullableLong(rs, "acknowledged_at"),
                nullableLong(rs, "resolved_at"), nullableLong(rs, "closed_at"));
        IncidentRow.Place place = new IncidentRow.Place(rs.getString("origin_channel"), rs.getString("channel_id"),
                rs.getString("channel_name"), rs.getString("card_ts"), rs.getString("announcement_ts"));
        return new IncidentRow(rs.getLong("id"), rs.getString("title"), rs.getString("summary"),
                rs.getString("severity"), rs.getString("status"), rs.getBoolean("is_private"), people, times,
                rs.getString("resolution"), rs.getString("origin_key"), place, rs.getLong("updated_at"));
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }
}
