package dev.mayday.slack.handlers;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import dev.mayday.incident.IncidentRuleViolation;
import dev.mayday.incident.IncidentService;
import dev.mayday.incident.Status;
import dev.mayday.slack.api.ResponseUrls;
import dev.mayday.slack.requests.AfterAck;
import dev.mayday.slack.requests.BlockActionPayloads;
import dev.mayday.slack.requests.UserFacingErrors;

import java.util.Optional;

/** The incident card's controls; each does exactly what the matching command does. */
public final class CardActions {

    private final IncidentService incidents;
    private final AfterAck afterAck;

    public CardActions(IncidentService incidents, AfterAck afterAck) {
        this.incidents = incidents;
        this.afterAck = afterAck;
    }

    public BlockActionHandler status() {
        return (request, ctx) -> act(request, ctx, "setting the status", (channel, user, action) ->
                incidents.changeStatus(channel, user, Status.parseActive(Optional.ofNullable(action.getSelectedOption())
                                .map(o -> o.getValue()).orElse(""))
                        .orElseThrow(() -> new IncidentRuleViolation("That status is not one Mayday knows."))));
    }

    public BlockActionHandler resolve() {
        return (request, ctx) -> act(request, ctx, "resolving",
                (channel, user, action) -> incidents.resolve(channel, user, null));
    }

    public BlockActionHandler close() {
        return (request, ctx) -> act(request, ctx, "closing",
                (channel, user, action) -> incidents.close(channel, user));
    }

    private Response act(BlockActionRequest request, ActionContext ctx, String attempted, Action action) {
        BlockActionPayload payload = request.getPayload();
        Optional<Response> malformed = BlockActionPayloads.refusal(payload);
        if (malformed.isPresent()) {
            return malformed.get();
        }
        try {
            action.run(payload.getChannel().getId(), payload.getUser().getId(), payload.getActions().get(0));
        } catch (RuntimeException e) {
            String message = UserFacingErrors.explain(ctx, e, attempted);
            afterAck.run("telling the user why " + attempted + " failed", () -> ResponseUrls.ephemeral(ctx, message));
        }
        return ctx.ack();
    }

    @FunctionalInterface
    private interface Action {
        void run(String channel, String user, BlockActionPayload.Action action);
    }
}
