package dev.mayday.premortem;

import dev.mayday.db.premortem.PremortemRow;

import java.time.Instant;
import java.util.Optional;

/** A pre-mortem: the change it imagines failing, who opened it and when, its channel and card, its rollback plan. */
public record Premortem(long id, String change, String openedBy, Instant openedAt, boolean isPrivate,
                        Optional<String> channelId, Optional<String> cardTs, Optional<String> rollbackPlan,
                        Optional<Instant> closedAt) {

    static Premortem of(PremortemRow row) {
        return new Premortem(row.id(), row.changeText(), row.openedBy(), Instant.ofEpochMilli(row.openedAt()),
                row.isPrivate(), Optional.ofNullable(row.channelId()), Optional.ofNullable(row.cardTs()),
                Optional.ofNullable(row.rollbackPlan()).filter(plan -> !plan.isBlank()),
                Optional.ofNullable(row.closedAt()).map(Instant::ofEpochMilli));
    }

    public boolean isClosed() {
        return closedAt.isPresent();
    }

    /** The pre-mortem's idempotency tag for its card in its channel. */
    public String cardTag() {
        return "premortem-card-" + id;
    }
}
