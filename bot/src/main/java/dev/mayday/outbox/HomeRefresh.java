package dev.mayday.outbox;

import dev.mayday.db.Database;

import java.time.Instant;

/**
 * Publish {@code user}'s App Home again: now ({@code dueAt} 0), or at {@code dueAt} (epoch millis) for a change that
 * happens by itself later, such as time away starting or ending. Debounced per user: while one is waiting, asking again
 * queues nothing, and the one delivery shows every change made until it starts.
 */
public record HomeRefresh(String user, long dueAt) implements Publication {

    public static HomeRefresh now(String user) {
        return new HomeRefresh(user, 0);
    }

    public static HomeRefresh at(String user, Instant when) {
        return new HomeRefresh(user, when.toEpochMilli());
    }

    /**
     * Refreshes due now share one lane, so Homes are built one at a time (each reads every open incident: in a storm of
     * declarations, building many at once would only hold more memory, not show anything sooner). A refresh due later
     * has a lane of its own, so that it never holds up the refreshes due before it.
     */
    @Override
    public Lane lane() {
        return new Lane(dueAt == 0 ? "slack/home" : "slack/home/" + user + "/at/" + dueAt);
    }

    /** Queues it inside the caller's transaction unless the same refresh is waiting already; true when queued. */
    public boolean queue(Database.Store store, Instant now) {
        Instant due = dueAt == 0 ? now : Instant.ofEpochMilli(dueAt);
        return Publications.enqueueUnlessQueued(store, this, "home/" + user + (dueAt == 0 ? "" : "/at/" + dueAt), due);
    }
}
