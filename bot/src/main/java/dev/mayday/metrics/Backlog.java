package dev.mayday.metrics;

import dev.mayday.db.outbox.LaneBacklog;

import java.util.Optional;

/** The outbox rows of one lane kind not delivered: how many wait, how many failed for good, when the oldest waiting was queued. */
record Backlog(int pending, int failed, Optional<Long> oldestPendingAt) {

    static final Backlog NONE = new Backlog(0, 0, Optional.empty());

    static Backlog of(LaneBacklog lane) {
        return "PENDING".equals(lane.state())
                ? new Backlog(lane.rows(), 0, Optional.of(lane.oldestCreatedAt()))
                : new Backlog(0, lane.rows(), Optional.empty());
    }

    Backlog plus(Backlog other) {
        Optional<Long> oldest = oldestPendingAt.isEmpty() ? other.oldestPendingAt
                : other.oldestPendingAt.map(at -> Math.min(at, oldestPendingAt.get())).or(() -> oldestPendingAt);
        return new Backlog(pending + other.pending, failed + other.failed, oldest);
    }
}
