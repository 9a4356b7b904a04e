package dev.mayday.outbox;

import java.util.Locale;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Page someone through PagerDuty for an incident: a Slack user ({@code person}, matched to a PagerDuty user by email)
 * or a PagerDuty service by name ({@code service}, paging its escalation policy); exactly one of the two is set.
 * The PagerDuty incident it creates carries {@link #incidentKey()}, so that a retried delivery finds it instead of
 * paging twice, and is linked to the incident.
 */
public record PagerPage(long incidentId, String person, String service, String message, String pagedBy)
        implements Publication {

    public PagerPage {
        if ((person == null) == (service == null)) {
            throw new IllegalArgumentException("a page goes to a person or to a service");
        }
        Objects.requireNonNull(pagedBy, "pagedBy");
        message = message == null ? "" : message.strip();
    }

    public static PagerPage person(long incidentId, String userId, String message, String pagedBy) {
        return new PagerPage(incidentId, userId, null, message, pagedBy);
    }

    public static PagerPage service(long incidentId, String name, String message, String pagedBy) {
        return new PagerPage(incidentId, null, name.strip(), message, pagedBy);
    }

    /** {@code mayday-<incident>-<target>}: the same page of the same target always has the same key. */
    public String incidentKey() {
        String target = person != null ? person
                : "service-" + service.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        return "mayday-" + incidentId + "-" + target;
    }

    @Override
    public Lane lane() {
        return Lane.pagerDuty(incidentId);
    }

    @Override
    public OptionalLong incident() {
        return OptionalLong.of(incidentId);
    }
}
