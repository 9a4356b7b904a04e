package dev.mayday.slack.handlers;

import com.slack.api.app_backend.interactive_components.payload.MessageShortcutPayload;
import com.slack.api.bolt.context.builtin.MessageShortcutContext;
import com.slack.api.bolt.handler.builtin.MessageShortcutHandler;
import com.slack.api.bolt.request.builtin.MessageShortcutRequest;
import com.slack.api.bolt.response.Response;
import dev.mayday.incident.IncidentService;
import dev.mayday.slack.api.ResponseUrls;
import dev.mayday.slack.requests.AfterAck;
import dev.mayday.slack.requests.UserFacingErrors;

/** The "Add to timeline" message shortcut: marks any message in an incident channel as a key event. */
public final class AddToTimelineShortcut implements MessageShortcutHandler {

    public static final String CALLBACK_ID = "add_to_timeline";

    private final IncidentService incidents;
    private final AfterAck afterAck;

    public AddToTimelineShortcut(IncidentService incidents, AfterAck afterAck) {
        this.incidents = incidents;
        this.afterAck = afterAck;
    }

    @Override
    public Response apply(MessageShortcutRequest request, MessageShortcutContext ctx) {
        MessageShortcutPayload payload = request.getPayload();
        if (payload.getChannel() == null || payload.getMessage() == null || payload.getUser() == null
                || payload.getMessage().getTs() == null) {
            return Response.json(400, java.util.Map.of("error", "malformed message shortcut: channel, user and message are required"));
        }
        String reply;
        try {
            String author = payload.getMessage().getUser() != null ? payload.getMessage().getUser() : payload.getUser().getId();
            boolean stored = incidents.addToTimeline(payload.getChannel().getId(), author,
                    payload.getMessage().getTs(), payload.getMessage().getText());
            reply = stored ? ":pushpin: Added to the incident timeline." : "That message is already on the timeline.";
        } catch (RuntimeException e) {
            reply = UserFacingErrors.explain(ctx, e, "adding the message to the timeline");
        }
        String message = reply;
        afterAck.run("confirming the timeline shortcut",
                () -> ResponseUrls.send(() -> ctx.respond(r -> r.responseType("ephemeral").text(message))));
        return ctx.ack();
    }
}
