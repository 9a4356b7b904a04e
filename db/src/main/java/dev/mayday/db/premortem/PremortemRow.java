package dev.mayday.db.premortem;

/** One row of {@code premortems} (V035): the change, who opened it and when, its channel and card, rollback, close. */
public record PremortemRow(long id, String changeText, String openedBy, long openedAt, String requestKey,
                           boolean isPrivate, String channelId, String channelName, String cardTs,
                           String rollbackPlan, Long closedAt, String closedBy) {
}
