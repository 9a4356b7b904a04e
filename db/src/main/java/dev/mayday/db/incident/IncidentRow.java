package dev.mayday.db.incident;

import org.jdbi.v3.core.mapper.reflect.JdbiConstructor;

/**
 * One row of {@code incidents}; times are epoch milliseconds, nullable where not reached yet. {@code responder} is
 * the second responder paired with the lead (SEV1/SEV2, when the rotation found one) and {@code leadReason} one line
 * saying why the lead was picked; both are null otherwise.
 */
public record IncidentRow(
        long id,
        String title,
        String summary,
        String severity,
        String status,
        boolean isPrivate,
        String declaredBy,
        String lead,
        long declaredAt,
        Long acknowledgedAt,
        Long resolvedAt,
        Long closedAt,
        String resolution,
        String originKey,
        String originChannel,
        String channelId,
        String channelName,
        String cardTs,
        String announcementTs,
        long updatedAt,
        String responder,
        String leadReason) {

    @JdbiConstructor
    public IncidentRow {
    }

    /** A row without a paired responder or a reason for its lead. */
    public IncidentRow(long id, String title, String summary, String severity, String status, boolean isPrivate,
                       String declaredBy, String lead, long declaredAt, Long acknowledgedAt, Long resolvedAt,
                       Long closedAt, String resolution, String originKey, String originChannel, String channelId,
                       String channelName, String cardTs, String announcementTs, long updatedAt) {
        this(id, title, summary, severity, status, isPrivate, declaredBy, lead, declaredAt, acknowledgedAt, resolvedAt,
                closedAt, resolution, originKey, originChannel, channelId, channelName, cardTs, announcementTs,
                updatedAt, null, null);
    }
}
