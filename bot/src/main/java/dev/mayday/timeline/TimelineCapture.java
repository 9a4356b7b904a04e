package dev.mayday.timeline;

import dev.mayday.db.Database;
import dev.mayday.db.incident.IncidentRow;
import dev.mayday.db.timeline.AppMessageRow;
import dev.mayday.db.timeline.TimelineRow;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Captures what people say in incident channels, and the messages they pin with 📌, exactly once however often
 * Slack delivers it. Each call records the delivery's event id and its effect in one IMMEDIATE transaction, so a
 * crash cannot keep one without the other. A second delivery is a no-op whether it repeats the event id (a retry)
 * or the message's channel and ts (the same message as another event).
 *
 * <p>Deliveries may arrive out of order (a retry comes minutes later), so each operation leaves the row in the
 * state the latest fact implies: an edit of a message not seen yet stores it as edited, a deletion of one not seen
 * yet leaves a deleted marker that the late original cannot revive, and an older edit never overwrites a newer one.
 */
public final class TimelineCapture {

    /** The text of a key event for a message pinned before Mayday captured it; replaced once the message arrives. */
    public static final String NOT_CAPTURED = "(a message Mayday did not capture)";
    /** Holds a pin made another way (the "Add to timeline" shortcut), so that no reaction removal undoes it. */
    private static final String PINNED_OTHERWISE = "*";

    /** Incident channels never change incident: remembering them spares a lookup per message. */
    private static final int MAX_REMEMBERED_CHANNELS = 50_000;

    private final Database database;
    private final Clock clock;
    private final Map<String, Long> incidentByChannel = new ConcurrentHashMap<>();

    public TimelineCapture(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** A new message or thread reply. */
    public Captured posted(String eventId, ChannelMessage message) {
        if (!message.isChatter()) {
            return appPosted(eventId, message);
        }
        return inIncidentChannel(eventId, message.ref().channel(), (store, incidentId) -> {
            if (store.timeline().insertIfAbsent(messageRow(incidentId, message, null, false)) == 0) {
                return Captured.ALREADY_SEEN;
            }
            store.timeline().replaceStandIn(message.ref().pinKey(), NOT_CAPTURED, message.author(), message.text());
            return Captured.STORED;
        });
    }

    /**
     * An app's or alert bot's message, new or edited: not chatter, but kept aside so that a 📌 on it records its text
     * (and a pin made before it arrived gets it). A message with no author at all is not kept.
     */
    private Captured appPosted(String eventId, ChannelMessage message) {
        if (!message.byBot() || message.author() == null || message.author().isBlank()) {
            return Captured.NOT_CHATTER;
        }
        MessageRef ref = message.ref();
        return inIncidentChannel(eventId, ref.channel(), (store, incidentId) -> {
            store.appMessages().remember(ref.channel(), ref.ts(), message.author(), message.text(),
                    ref.postedAt().toEpochMilli());
            if (store.timeline().replaceStandIn(ref.pinKey(), NOT_CAPTURED, message.author(), message.text()) == 0) {
                store.timeline().byDedupeKey(ref.pinKey()).filter(pin -> !pin.text().equals(message.text()))
                        .ifPresent(pin -> store.timeline().updateText(ref.pinKey(), message.text(), clock.millis()));
            }
            return Captured.STORED;
        });
    }

    /** A message's new text, edited at {@code editedAt} (the clock's now when Slack did not say). */
    public Captured edited(String eventId, ChannelMessage message, Instant editedAt) {
        if (!message.isChatter()) {
            return appPosted(eventId, message);
        }
        long at = (editedAt == null ? clock.instant() : editedAt).toEpochMilli();
        MessageRef ref = message.ref();
        return inIncidentChannel(eventId, ref.channel(), (store, incidentId) -> {
            Optional<TimelineRow> stored = store.timeline().byDedupeKey(ref.messageKey());
            if (stored.isEmpty()) {
                store.timeline().insertIfAbsent(messageRow(incidentId, message, at, false));
                store.timeline().replaceStandIn(ref.pinKey(), NOT_CAPTURED, message.author(), message.text());
                return Captured.STORED;
            }
            TimelineRow row = stored.get();
            boolean newer = row.editedAt() == null || row.editedAt() <= at;
            if (message.text().equals(row.text()) || !newer) {
                return Captured.UNCHANGED;
            }
            store.timeline().updateText(ref.messageKey(), message.text(), at);
            store.timeline().updateText(ref.pinKey(), message.text(), at);
            return Captured.STORED;
        });
    }

    /** The message was deleted: its row (and its key event, if pinned) is kept but marked. */
    public Captured deleted(String eventId, MessageRef ref, String author) {
        return inIncidentChannel(eventId, ref.channel(), (store, incidentId) -> {
            boolean changed;
            if (store.timeline().byDedupeKey(ref.messageKey()).isEmpty()) {
                ChannelMessage unseen = new ChannelMessage(ref, null, author, "", false);
                changed = store.timeline().insertIfAbsent(messageRow(incidentId, unseen, null, true)) == 1;
            } else {
                changed = store.timeline().setDeleted(ref.messageKey(), true) == 1;
            }
            changed |= store.timeline().setDeleted(ref.pinKey(), true) == 1;
            return changed ? Captured.STORED : Captured.UNCHANGED;
        });
    }

    /** {@code pinnedBy} reacted with 📌 to the message, written by {@code author} (used if it was never captured). */
    public Captured pinned(String eventId, MessageRef ref, String pinnedBy, String author) {
        return inIncidentChannel(eventId, ref.channel(), (store, incidentId) -> {
            Optional<TimelineRow> pin = store.timeline().byDedupeKey(ref.pinKey());
            if (pin.isPresent() && !pin.get().deleted() && store.pins().holders(ref.channel(), ref.ts()) == 0) {
                store.pins().add(ref.channel(), ref.ts(), PINNED_OTHERWISE);
            }
            store.pins().add(ref.channel(), ref.ts(), pinnedBy);
            Optional<TimelineRow> message = store.timeline().byDedupeKey(ref.messageKey());
            boolean messageDeleted = message.map(TimelineRow::deleted).orElse(false);
            if (pin.isEmpty()) {
                Optional<AppMessageRow> app = message.isPresent() ? Optional.empty()
                        : store.appMessages().find(ref.channel(), ref.ts());
                store.timeline().insertIfAbsent(new TimelineRow(0, incidentId, ref.postedAt().toEpochMilli(),
                        TimelineKind.PINNED.name(),
                        message.map(TimelineRow::actor).or(() -> app.map(AppMessageRow::author)).orElse(author),
                        message.map(TimelineRow::text).or(() -> app.map(AppMessageRow::text)).orElse(NOT_CAPTURED),
                        true, ref.ts(), ref.pinKey(),
                        message.map(TimelineRow::threadTs).orElse(null), messageDeleted, null));
                return Captured.STORED;
            }
            if (pin.get().deleted() && !messageDeleted) {
                store.timeline().setDeleted(ref.pinKey(), false);
                return Captured.STORED;
            }
            return Captured.UNCHANGED;
        });
    }

    /** {@code unpinnedBy} took their 📌 away: the key event goes when nobody pins the message any more. */
    public Captured unpinned(String eventId, MessageRef ref, String unpinnedBy) {
        return inIncidentChannel(eventId, ref.channel(), (store, incidentId) -> {
            if (store.pins().remove(ref.channel(), ref.ts(), unpinnedBy) == 0
                    || store.pins().holders(ref.channel(), ref.ts()) > 0) {
                return Captured.UNCHANGED;
            }
            return store.timeline().setDeleted(ref.pinKey(), true) == 1 ? Captured.STORED : Captured.UNCHANGED;
        });
    }

    private Captured inIncidentChannel(String eventId, String channel, Work work) {
        Long known = incidentByChannel.get(channel);
        if (known == null) {
            // Most channels the bot is in are not incident channels: find that out without taking the write lock.
            Optional<Long> found = database.read(store -> store.incidents().byChannel(channel))
                    .map(IncidentRow::id);
            if (found.isEmpty()) {
                return Captured.NOT_AN_INCIDENT_CHANNEL;
            }
            known = found.get();
            if (incidentByChannel.size() < MAX_REMEMBERED_CHANNELS) {
                incidentByChannel.put(channel, known);
            }
        }
        long incidentId = known;
        return database.inTransaction(store -> {
            if (eventId != null && store.processedEvents().recordIfNew(eventId, clock.millis()) == 0) {
                return Captured.ALREADY_SEEN;
            }
            return work.apply(store, incidentId);
        });
    }

    private static TimelineRow messageRow(long incidentId, ChannelMessage message, Long editedAt, boolean deleted) {
        MessageRef ref = message.ref();
        return new TimelineRow(0, incidentId, ref.postedAt().toEpochMilli(), TimelineKind.MESSAGE.name(),
                message.author(), message.text(), false, ref.ts(), ref.messageKey(), message.threadTs(), deleted,
                editedAt);
    }

    @FunctionalInterface
    private interface Work {
        Captured apply(Database.Store store, long incidentId);
    }
}
