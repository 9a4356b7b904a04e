package dev.mayday.rotation;

import java.util.Optional;

/** The rotation's choice for one incident: a lead, and for SEV1/SEV2 a responder of the other kind when one is free. */
public record Picked(Pick lead, Pick responder) {

    public Optional<Pick> pairedResponder() {
        return Optional.ofNullable(responder);
    }
}
