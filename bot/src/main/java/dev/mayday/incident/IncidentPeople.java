package dev.mayday.incident;

import java.util.Objects;
import java.util.Optional;

/**
 * Who declared an incident and who works it. {@code responder} is the second responder paired with the lead
 * (SEV1/SEV2, when the rotation found one), {@code leadReason} one line saying why the lead was picked; both may be
 * null.
 */
public record IncidentPeople(String declaredBy, String lead, String responder, String leadReason) {

    public IncidentPeople {
        Objects.requireNonNull(declaredBy, "declaredBy");
        Objects.requireNonNull(lead, "lead");
    }

    /** Before the rotation is asked: the declarer leads, alone. */
    public static IncidentPeople declarerLeads(String declaredBy) {
        return new IncidentPeople(declaredBy, declaredBy, null, null);
    }

    public Optional<String> pairedResponder() {
        return Optional.ofNullable(responder);
    }

    /** The lead and responder the rotation chose, with why. */
    public IncidentPeople assigned(String newLead, String newResponder, String newLeadReason) {
        return new IncidentPeople(declaredBy, newLead, newResponder, newLeadReason);
    }

    /** The lead handed over: the reason explained the previous lead's pick, so it no longer applies. */
    public IncidentPeople handedTo(String newLead) {
        return new IncidentPeople(declaredBy, newLead, responder, null);
    }
}
