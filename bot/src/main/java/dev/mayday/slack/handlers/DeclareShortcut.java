package dev.mayday.slack.handlers;

import com.slack.api.app_backend.interactive_components.payload.MessageShortcutPayload;
import com.slack.api.bolt.context.builtin.MessageShortcutContext;
import com.slack.api.bolt.handler.builtin.MessageShortcutHandler;
import com.slack.api.bolt.request.builtin.MessageShortcutRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.Message;
import dev.mayday.incident.QuotedMessage;
import dev.mayday.slack.api.SlackGateway;
import dev.mayday.slack.requests.AfterAck;
import dev.mayday.timeline.MessageRef;

import java.time.Instant;
import java.util.Map;

/**
 * The "Declare incident" message shortcut: opens the declare form prefilled from the message (after the ack: the form
 * needs nothing stored); submitting it declares the incident with the message as its first key event.
 */
public final class DeclareShortcut implements MessageShortcutHandler {

    public static final String CALLBACK_ID = "declare_from_message";

    private final DeclareModal modal;
    private final SlackGateway slack;
    private final AfterAck afterAck;

    public DeclareShortcut(DeclareModal modal, SlackGateway slack, AfterAck afterAck) {
        this.modal = modal;
        this.slack = slack;
        this.afterAck = afterAck;
    }

    @Override
    public Response apply(MessageShortcutRequest request, MessageShortcutContext ctx) {
        MessageShortcutPayload payload = request.getPayload();
        if (payload.getChannel() == null || payload.getMessage() == null || payload.getUser() == null
                || payload.getMessage().getTs() == null || payload.getTriggerId() == null) {
            return Response.json(400, Map.of("error",
                    "malformed message shortcut: channel, user, message and trigger are required"));
        }
        Message message = payload.getMessage();
        String author = message.getUser() != null ? message.getUser()
                : message.getBotId() != null ? message.getBotId() : payload.getUser().getId();
        Instant postedAt = MessageRef.instantOf(message.getTs()).orElseGet(Instant::now);
        QuotedMessage quoted = new QuotedMessage(payload.getChannel().getId(), message.getTs(), author, postedAt,
                message.getText());
        String triggerId = payload.getTriggerId();
        afterAck.run("opening the declare form from a message",
                () -> slack.openView(triggerId, modal.formFrom(quoted)));
        return ctx.ack();
    }
}
