package dev.mayday.db.digest;

/**
 * What the digest reads of an incident: its times (epoch milliseconds, null where not reached), severity and status,
 * the current lead and paired responder, the PagerDuty incident it mirrors (null when it has none) and whether it was
 * practice (a drill).
 */
public record DigestIncidentRow(long id, String title, String severity, String status, boolean isPrivate,
                                String lead, String responder, long declaredAt, Long acknowledgedAt, Long resolvedAt,
                                Long closedAt, String pagerdutyId, boolean practice) {
}
