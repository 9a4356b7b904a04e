package dev.mayday.pagerduty;

/** The v3 event types Mayday knows by name; anything else is {@link #OTHER} and is acknowledged and ignored. */
public enum WebhookEventType {
    TRIGGERED("incident.triggered"),
    ACKNOWLEDGED("incident.acknowledged"),
    UNACKNOWLEDGED("incident.unacknowledged"),
    RESOLVED("incident.resolved"),
    REOPENED("incident.reopened"),
    REASSIGNED("incident.reassigned"),
    ESCALATED("incident.escalated"),
    DELEGATED("incident.delegated"),
    PRIORITY_UPDATED("incident.priority_updated"),
    ANNOTATED("incident.annotated"),
    RESPONDER_ADDED("incident.responder.added"),
    RESPONDER_REPLIED("incident.responder.replied"),
    /** The test event PagerDuty sends when a subscription is created or tested. */
    PING("pagey.ping"),
    OTHER("");

    private final String wire;

    WebhookEventType(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static WebhookEventType of(String wire) {
        for (WebhookEventType type : values()) {
            if (type != OTHER && type.wire.equals(wire)) {
                return type;
            }
        }
        return OTHER;
    }
}
