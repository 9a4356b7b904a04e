package dev.mayday.db.premortem;

/** An incident linked to the pre-mortem that foresaw it (or not): the risk that happened, if one did. */
public record PremortemLinkRow(long incidentId, long premortemId, Integer happenedRisk, boolean rollbackUsed,
                               String linkedBy, long linkedAt) {
}
