package dev.mayday.slack.handlers;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.Attachment;
import com.slack.api.model.File;
import com.slack.api.model.event.MessageBotEvent;
import com.slack.api.model.event.MessageChangedEvent;
import com.slack.api.model.event.MessageDeletedEvent;
import com.slack.api.model.event.MessageEvent;
import com.slack.api.model.event.MessageFileShareEvent;
import com.slack.api.model.event.MessageMeEvent;
import com.slack.api.model.event.MessageThreadBroadcastEvent;
import com.slack.api.model.event.ReactionAddedEvent;
import com.slack.api.model.event.ReactionRemovedEvent;
import dev.mayday.premortem.PremortemRisks;
import dev.mayday.slack.requests.NotChatter;
import dev.mayday.slack.requests.SlackHandlers;
import dev.mayday.timeline.Captured;
import dev.mayday.timeline.ChannelMessage;
import dev.mayday.timeline.MessageRef;
import dev.mayday.timeline.TimelineCapture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Events API → the timeline. Every handler stores synchronously and only then acknowledges, so an event Slack saw
 * answered 200 is already on disk; a store failure answers 500 and Slack delivers it again. Whatever is ignored
 * (other channels, apps' messages, other reactions) is acknowledged all the same.
 */
public final class TimelineEvents {

    static final String PIN_REACTION = "pushpin";
    private static final String TOMBSTONE = "tombstone";
    private static final Logger log = LoggerFactory.getLogger(TimelineEvents.class);

    private final TimelineCapture capture;
    private final PremortemRisks premortemRisks;

    /** {@code premortemRisks}: in a pre-mortem's channel, messages are kept and a 📌 records a risk instead. */
    public TimelineEvents(TimelineCapture capture, PremortemRisks premortemRisks) {
        this.capture = capture;
        this.premortemRisks = premortemRisks;
    }

    public void register(SlackHandlers handlers) {
        handlers.event(MessageEvent.class, this::posted)
                .event(MessageBotEvent.class, this::botPosted)
                .event(MessageThreadBroadcastEvent.class, this::broadcast)
                .event(MessageFileShareEvent.class, this::fileShared)
                .event(MessageMeEvent.class, this::meMessage)
                .event(MessageChangedEvent.class, this::changed)
                .event(MessageDeletedEvent.class, this::deleted)
                .event(ReactionAddedEvent.class, this::reactionAdded)
                .event(ReactionRemovedEvent.class, this::reactionRemoved);
        NotChatter.register(handlers);
    }

    private Response posted(EventsApiPayload<MessageEvent> payload, EventContext ctx) {
        MessageEvent e = payload.getEvent();
        Optional<MessageRef> ref = MessageRef.of(e.getChannel(), e.getTs());
        if (ref.isEmpty()) {
            return ignore(payload, ctx, "message without a channel or ts");
        }
        Captured captured = capture.posted(payload.getEventId(), new ChannelMessage(ref.get(), e.getThreadTs(),
                authorOf(e.getUser(), e.getBotId()), e.getText(), e.getBotId() != null));
        // only a channel that is no incident's may be a pre-mortem's: the incident channels' path reads nothing more
        if (captured == Captured.NOT_AN_INCIDENT_CHANNEL && e.getUser() != null && e.getBotId() == null
                && premortemRisks.said(e.getChannel(), e.getTs(), e.getUser(), e.getText())) {
            return ignore(payload, ctx, "kept for the pre-mortem's 📌");
        }
        return acknowledge(payload, ctx, captured);
    }

    /** An integration's post (subtype bot_message): kept aside, so that a 📌 on it records what it said. */
    private Response botPosted(EventsApiPayload<MessageBotEvent> payload, EventContext ctx) {
        MessageBotEvent e = payload.getEvent();
        return post(payload, ctx, e.getChannel(), e.getTs(), ref -> new ChannelMessage(ref, e.getThreadTs(),
                authorOf(null, e.getBotId()), appText(e.getText(), e.getAttachments()), true));
    }

    /** A thread reply also sent to the channel: stored as the reply it is. */
    private Response broadcast(EventsApiPayload<MessageThreadBroadcastEvent> payload, EventContext ctx) {
        MessageThreadBroadcastEvent e = payload.getEvent();
        return post(payload, ctx, e.getChannel(), e.getTs(),
                ref -> new ChannelMessage(ref, e.getThreadTs(), e.getUser(), e.getText(), false));
    }

    private Response fileShared(EventsApiPayload<MessageFileShareEvent> payload, EventContext ctx) {
        MessageFileShareEvent e = payload.getEvent();
        return post(payload, ctx, e.getChannel(), e.getTs(),
                ref -> new ChannelMessage(ref, e.getThreadTs(), e.getUser(), fileText(e.getText(), e.getFiles()),
                        Boolean.TRUE.equals(e.getDisplayAsBot())));
    }

    private Response meMessage(EventsApiPayload<MessageMeEvent> payload, EventContext ctx) {
        MessageMeEvent e = payload.getEvent();
        return post(payload, ctx, e.getChannel(), e.getTs(),
                ref -> new ChannelMessage(ref, null, e.getUser(), e.getText(), e.getBotId() != null));
    }

    private Response changed(EventsApiPayload<MessageChangedEvent> payload, EventContext ctx) {
        MessageChangedEvent e = payload.getEvent();
        MessageChangedEvent.Message now = e.getMessage();
        Optional<MessageRef> ref = MessageRef.of(e.getChannel(), now == null ? null : now.getTs());
        if (ref.isEmpty()) {
            return ignore(payload, ctx, "message_changed without a channel or message ts");
        }
        Captured captured;
        if (TOMBSTONE.equals(now.getSubtype())) {
            // A parent with replies was deleted: Slack keeps a tombstone in its place and reports it as a change.
            captured = capture.deleted(payload.getEventId(), ref.get(), now.getUser());
        } else {
            Instant editedAt = MessageRef.instantOf(now.getEdited() == null ? e.getTs() : now.getEdited().getTs())
                    .orElse(null);
            captured = capture.edited(payload.getEventId(), new ChannelMessage(ref.get(), now.getThreadTs(),
                    authorOf(now.getUser(), now.getBotId()), now.getText(), now.getBotId() != null), editedAt);
        }
        return acknowledge(payload, ctx, captured);
    }

    private Response deleted(EventsApiPayload<MessageDeletedEvent> payload, EventContext ctx) {
        MessageDeletedEvent e = payload.getEvent();
        MessageDeletedEvent.Message before = e.getPreviousMessage();
        Optional<MessageRef> ref = MessageRef.of(e.getChannel(), e.getDeletedTs());
        if (ref.isEmpty()) {
            return ignore(payload, ctx, "message_deleted without a channel or deleted_ts");
        }
        if (before != null && before.getBotId() != null) {
            return ignore(payload, ctx, "an app's message was deleted");
        }
        String author = before == null ? null : before.getUser();
        return acknowledge(payload, ctx, capture.deleted(payload.getEventId(), ref.get(), author));
    }

    private Response reactionAdded(EventsApiPayload<ReactionAddedEvent> payload, EventContext ctx) {
        ReactionAddedEvent e = payload.getEvent();
        ReactionAddedEvent.Item item = e.getItem();
        Optional<MessageRef> ref = pinnedMessage(e.getReaction(), item == null ? null : item.getType(),
                item == null ? null : item.getChannel(), item == null ? null : item.getTs());
        if (ref.isEmpty() || e.getUser() == null) {
            return ignore(payload, ctx, "not a 📌 on a message");
        }
        Captured captured = capture.pinned(payload.getEventId(), ref.get(), e.getUser(), e.getItemUser());
        if (captured == Captured.NOT_AN_INCIDENT_CHANNEL
                && premortemRisks.pinned(ref.get().channel(), ref.get().ts(), e.getUser()).isPresent()) {
            return ignore(payload, ctx, "a 📌 in a pre-mortem's channel: a risk");
        }
        return acknowledge(payload, ctx, captured);
    }

    private Response reactionRemoved(EventsApiPayload<ReactionRemovedEvent> payload, EventContext ctx) {
        ReactionRemovedEvent e = payload.getEvent();
        ReactionRemovedEvent.Item item = e.getItem();
        Optional<MessageRef> ref = pinnedMessage(e.getReaction(), item == null ? null : item.getType(),
                item == null ? null : item.getChannel(), item == null ? null : item.getTs());
        if (ref.isEmpty() || e.getUser() == null) {
            return ignore(payload, ctx, "not a 📌 on a message");
        }
        return acknowledge(payload, ctx, capture.unpinned(payload.getEventId(), ref.get(), e.getUser()));
    }

    private Response post(EventsApiPayload<?> payload, EventContext ctx, String channel, String ts,
                          Function<MessageRef, ChannelMessage> message) {
        Optional<MessageRef> ref = MessageRef.of(channel, ts);
        if (ref.isEmpty()) {
            return ignore(payload, ctx, "message without a channel or ts");
        }
        return acknowledge(payload, ctx, capture.posted(payload.getEventId(), message.apply(ref.get())));
    }

    private static Optional<MessageRef> pinnedMessage(String reaction, String itemType, String channel, String ts) {
        return PIN_REACTION.equals(reaction) && "message".equals(itemType) ? MessageRef.of(channel, ts) : Optional.empty();
    }

    /** An app's message is credited to its bot user when Slack names one, else to the bot. */
    private static String authorOf(String user, String botId) {
        return user != null && !user.isBlank() ? user : botId;
    }

    /** Alert bots often say it all in attachments: their fallback (or title and text) stands for the message. */
    private static String appText(String text, List<Attachment> attachments) {
        if (text != null && !text.isBlank() || attachments == null) {
            return text;
        }
        return attachments.stream()
                .map(a -> a.getFallback() != null ? a.getFallback()
                        : String.join(": ", Stream.of(a.getTitle(), a.getText()).filter(Objects::nonNull).toList()))
                .filter(part -> !part.isBlank())
                .collect(Collectors.joining("\n"));
    }

    /** A file shared without a comment still says something: which file. */
    private static String fileText(String text, List<File> files) {
        if (text != null && !text.isBlank()) {
            return text;
        }
        List<String> names = files == null ? List.of() : files.stream()
                .map(f -> f.getTitle() != null ? f.getTitle() : f.getName()).filter(Objects::nonNull).toList();
        return names.isEmpty() ? "(shared a file)" : "(shared " + String.join(", ", names) + ")";
    }

    private static Response acknowledge(EventsApiPayload<?> payload, EventContext ctx, Captured captured) {
        log.debug("Event {} (retry {}): {}", payload.getEventId(), ctx.getRetryNum(), captured);
        return ctx.ack();
    }

    private static Response ignore(EventsApiPayload<?> payload, EventContext ctx, String why) {
        log.debug("Event {} ignored: {}", payload.getEventId(), why);
        return ctx.ack();
    }
}
