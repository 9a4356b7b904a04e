package dev.mayday.outbox;

/** The pre-mortem was closed: its Markdown summary stored (versioned) and uploaded to its channel. */
public record PremortemSummaryRequested(long premortemId, String requestedBy) implements Publication {

    @Override
    public Lane lane() {
        return Lane.premortem(premortemId);
    }

    public String uniqueKey() {
        return "premortem-summary/" + premortemId;
    }
}
