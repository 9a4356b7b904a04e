package dev.mayday.db.incident;

/** One row of {@code incidents}; times are epoch milliseconds, nullable where not reached yet. */
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
        long updatedAt) {
}
