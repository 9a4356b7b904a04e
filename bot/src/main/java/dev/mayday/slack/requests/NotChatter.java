package dev.mayday.slack.requests;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.handler.BoltEventHandler;
import com.slack.api.model.event.Event;
import com.slack.api.model.event.MessageChannelArchiveEvent;
import com.slack.api.model.event.MessageChannelConvertToPublicEvent;
import com.slack.api.model.event.MessageChannelJoinEvent;
import com.slack.api.model.event.MessageChannelLeaveEvent;
import com.slack.api.model.event.MessageChannelNameEvent;
import com.slack.api.model.event.MessageChannelPostingPermissionsEvent;
import com.slack.api.model.event.MessageChannelPurposeEvent;
import com.slack.api.model.event.MessageChannelTopicEvent;
import com.slack.api.model.event.MessageChannelUnarchiveEvent;
import com.slack.api.model.event.MessageEkmAccessDeniedEvent;
import com.slack.api.model.event.MessageGroupTopicEvent;
import com.slack.api.model.event.MessageRepliedEvent;

import java.util.List;

/**
 * The {@code message} subtypes Slack sends to a channel that are not anyone's words: channel housekeeping (apps'
 * posts, subtype {@code bot_message}, are kept aside by the timeline for pins). They are acknowledged and dropped; without a handler Bolt would answer them 404, and Slack
 * would retry them and eventually disable the app's event subscriptions.
 */
public final class NotChatter {

    /** Subtypes Bolt has classes for. */
    private static final List<Class<? extends Event>> MODELLED = List.of(
            MessageChannelJoinEvent.class,
            MessageChannelLeaveEvent.class,
            MessageChannelTopicEvent.class,
            MessageChannelPurposeEvent.class,
            MessageChannelNameEvent.class,
            MessageChannelArchiveEvent.class,
            MessageChannelUnarchiveEvent.class,
            MessageChannelPostingPermissionsEvent.class,
            MessageChannelConvertToPublicEvent.class,
            MessageGroupTopicEvent.class,
            MessageEkmAccessDeniedEvent.class,
            MessageRepliedEvent.class);

    /**
     * Subtypes Bolt 1.51 has no class for. Bolt routes by the type and subtype that an instance made with the
     * public no-argument constructor reports, so these classes must stay public.
     */
    private static final List<Class<? extends Event>> UNMODELLED = List.of(
            PinnedItem.class, UnpinnedItem.class, ChannelConvertToPrivate.class, HuddleThread.class,
            ChannelCanvasUpdated.class);

    private NotChatter() {
    }

    public static void register(SlackHandlers handlers) {
        MODELLED.forEach(type -> registerNoOp(handlers, type));
        UNMODELLED.forEach(type -> registerNoOp(handlers, type));
    }

    private static <E extends Event> void registerNoOp(SlackHandlers handlers, Class<E> type) {
        BoltEventHandler<E> ignore = (EventsApiPayload<E> payload, EventContext ctx) -> ctx.ack();
        handlers.event(type, ignore);
    }

    public abstract static class Unmodelled implements Event {
        @Override
        public String getType() {
            return "message";
        }
    }

    public static final class PinnedItem extends Unmodelled {
        @Override
        public String getSubtype() {
            return "pinned_item";
        }
    }

    public static final class UnpinnedItem extends Unmodelled {
        @Override
        public String getSubtype() {
            return "unpinned_item";
        }
    }

    public static final class ChannelConvertToPrivate extends Unmodelled {
        @Override
        public String getSubtype() {
            return "channel_convert_to_private";
        }
    }

    public static final class HuddleThread extends Unmodelled {
        @Override
        public String getSubtype() {
            return "huddle_thread";
        }
    }

    public static final class ChannelCanvasUpdated extends Unmodelled {
        @Override
        public String getSubtype() {
            return "channel_canvas_updated";
        }
    }
}
