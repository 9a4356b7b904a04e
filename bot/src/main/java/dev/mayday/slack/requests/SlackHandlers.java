package dev.mayday.slack.requests;

import com.slack.api.bolt.App;
import com.slack.api.bolt.handler.BoltEventHandler;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.handler.builtin.MessageShortcutHandler;
import com.slack.api.bolt.handler.builtin.SlashCommandHandler;
import com.slack.api.bolt.handler.builtin.ViewSubmissionHandler;
import com.slack.api.bolt.util.EventsApiPayloadParser;
import com.slack.api.model.event.Event;
import com.slack.api.model.event.MessageEvent;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/** Registers handlers on the Bolt app and remembers what was registered. */
public final class SlackHandlers {

    /** The manifest subscriptions that deliver {@code message} events: public and private channels, not DMs. */
    private static final List<String> MESSAGE_SUBSCRIPTIONS = List.of("message.channels", "message.groups");

    private final App app;
    private final Set<String> commands = new TreeSet<>();
    private final Set<String> messageShortcuts = new TreeSet<>();
    private final Set<String> blockActions = new TreeSet<>();
    private final Set<String> viewSubmissions = new TreeSet<>();
    private final Set<String> botEvents = new TreeSet<>();

    public SlackHandlers(App app) {
        this.app = app;
    }

    public SlackHandlers command(String name, SlashCommandHandler handler) {
        commands.add(name);
        app.command(name, handler);
        return this;
    }

    public SlackHandlers messageShortcut(String callbackId, MessageShortcutHandler handler) {
        messageShortcuts.add(callbackId);
        app.messageShortcut(callbackId, handler);
        return this;
    }

    public SlackHandlers blockAction(String actionId, BlockActionHandler handler) {
        blockActions.add(actionId);
        app.blockAction(actionId, handler);
        return this;
    }

    public SlackHandlers viewSubmission(String callbackId, ViewSubmissionHandler handler) {
        viewSubmissions.add(callbackId);
        app.viewSubmission(callbackId, handler);
        return this;
    }

    /**
     * An Events API handler for one event type (for {@code message}, one subtype: Bolt routes each subtype
     * separately and answers 404 to a subtype nobody registered).
     */
    public <E extends Event> SlackHandlers event(Class<E> type, BoltEventHandler<E> handler) {
        String typeAndSubtype = EventsApiPayloadParser.getEventTypeAndSubtype(type);
        String eventType = typeAndSubtype.split(":", 2)[0];
        botEvents.addAll(eventType.equals(MessageEvent.TYPE_NAME) ? MESSAGE_SUBSCRIPTIONS : List.of(eventType));
        app.event(type, handler);
        return this;
    }

    /** Registers a group of event handlers that belong together. */
    public SlackHandlers events(Consumer<SlackHandlers> group) {
        group.accept(this);
        return this;
    }

    /**
     * Answers 200 to message subtypes Slack adds after this code was written. Without it Bolt answers them 404,
     * Slack retries each one, and enough failed deliveries disable the app's event subscriptions.
     */
    public SlackHandlers acknowledgeUnknownMessageSubtypes() {
        app.config().setSubtypedMessageEventsAutoAckEnabled(true);
        return this;
    }

    public SlackSurface surface() {
        return new SlackSurface(Set.copyOf(commands), Set.copyOf(messageShortcuts), Set.copyOf(blockActions),
                Set.copyOf(viewSubmissions), Set.copyOf(botEvents));
    }
}
