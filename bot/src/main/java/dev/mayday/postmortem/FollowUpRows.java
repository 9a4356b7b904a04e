package dev.mayday.postmortem;

import dev.mayday.db.postmortem.ActionItemRow;
import dev.mayday.db.postmortem.LearningRow;

import java.time.Instant;

/** Translates the store's rows (strings, epoch millis) into action items and learnings. */
final class FollowUpRows {

    private FollowUpRows() {
    }

    static ActionItem toItem(ActionItemRow row) {
        return new ActionItem(row.id(), row.incidentId(), row.text(), row.owner(), ActionItemState.valueOf(row.state()),
                row.createdBy(), Instant.ofEpochMilli(row.createdAt()),
                row.doneAt() == null ? null : Instant.ofEpochMilli(row.doneAt()), row.doneBy());
    }

    static Learning toLearning(LearningRow row) {
        return new Learning(row.id(), row.incidentId(), row.text(), row.author(), Instant.ofEpochMilli(row.createdAt()));
    }
}
