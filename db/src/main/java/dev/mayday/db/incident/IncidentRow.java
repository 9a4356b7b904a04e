package dev.mayday.db.incident;

/**
 * One row of {@code incidents}, its columns grouped as the domain groups them. Built from a result set in one place,
 * {@link IncidentDao}, which also binds the groups' components. {@code practice} marks a drill (V038).
 */
public record IncidentRow(
        long id,
        String title,
        String summary,
        String severity,
        String status,
        boolean isPrivate,
        boolean practice,
        People people,
        Times times,
        String resolution,
        String originKey,
        Place place,
        long updatedAt) {

    /**
     * Who declared and who leads. {@code responder} is the second responder paired with the lead (SEV1/SEV2, when the
     * rotation found one) and {@code leadReason} one line saying why the lead was picked; both are null otherwise.
     */
    public record People(String declaredBy, String lead, String responder, String leadReason) {

        /** The declarer leads, alone, with no reason recorded. */
        public static People declarerLeads(String declaredBy) {
            return new People(declaredBy, declaredBy, null, null);
        }
    }

    /** Epoch milliseconds; null where not reached yet. */
    public record Times(long declaredAt, Long acknowledgedAt, Long resolvedAt, Long closedAt) {

        public static Times declared(long declaredAt) {
            return new Times(declaredAt, null, null, null);
        }
    }

    /** Where the incident lives in Slack: the channel it was declared from, its own channel, its card and notice. */
    public record Place(String originChannel, String channelId, String channelName, String cardTs,
                        String announcementTs) {

        public static Place declaredFrom(String originChannel) {
            return new Place(originChannel, null, null, null, null);
        }
    }
}
