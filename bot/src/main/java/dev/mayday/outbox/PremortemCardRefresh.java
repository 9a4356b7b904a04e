package dev.mayday.outbox;

/** The pre-mortem's card shows its risks, rollback plan and state as they are now (at most one waiting). */
public record PremortemCardRefresh(long premortemId) implements Publication {

    @Override
    public Lane lane() {
        return Lane.premortem(premortemId);
    }

    public String uniqueKey() {
        return "premortem-card/" + premortemId;
    }
}
