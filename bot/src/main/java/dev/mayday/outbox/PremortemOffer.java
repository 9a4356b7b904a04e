package dev.mayday.outbox;

import java.util.List;

/**
 * The pre-mortems whose words match a new incident's title, offered to its declarer by direct message, each with a
 * <i>Link</i> button. Once per incident.
 */
public record PremortemOffer(long incidentId, String declaredBy, List<Long> premortemIds) implements Publication {

    public PremortemOffer {
        premortemIds = List.copyOf(premortemIds);
    }

    @Override
    public Lane lane() {
        return new Lane("slack/dm/" + declaredBy);
    }

    public String uniqueKey() {
        return "premortem-offer/" + incidentId;
    }

    public String tag() {
        return "premortem-offer-" + incidentId;
    }
}
