package dev.mayday.outbox;

/** A new pre-mortem: its channel made (claimed names, adoption as an incident's), the opener invited, its card posted. */
public record PremortemSetUp(long premortemId) implements Publication {

    @Override
    public Lane lane() {
        return Lane.premortem(premortemId);
    }
}
