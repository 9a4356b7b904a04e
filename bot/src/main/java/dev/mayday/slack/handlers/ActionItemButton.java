package dev.mayday.slack.handlers;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.block.LayoutBlock;
import dev.mayday.slack.api.ResponseUrls;
import dev.mayday.slack.requests.AfterAck;
import dev.mayday.slack.requests.BlockActionPayloads;
import dev.mayday.slack.requests.UserFacingErrors;

import java.util.List;
import java.util.Optional;

/**
 * "Mark done" on the list from {@code /incident actions}: marks the item, if it belongs to the incident of the channel
 * the button was clicked in, and refreshes the list in place.
 */
public final class ActionItemButton implements BlockActionHandler {

    private final FollowUpCommands followUps;
    private final AfterAck afterAck;

    public ActionItemButton(FollowUpCommands followUps, AfterAck afterAck) {
        this.followUps = followUps;
        this.afterAck = afterAck;
    }

    @Override
    public Response apply(BlockActionRequest request, ActionContext ctx) {
        BlockActionPayload payload = request.getPayload();
        Optional<Response> malformed = BlockActionPayloads.refusal(payload);
        if (malformed.isPresent()) {
            return malformed.get();
        }
        try {
            List<LayoutBlock> list = followUps.markDone(payload.getChannel().getId(), payload.getUser().getId(),
                    payload.getActions().get(0).getValue());
            afterAck.run("refreshing the action items", () -> showList(ctx, list));
        } catch (RuntimeException e) {
            String message = UserFacingErrors.explain(ctx, e, "marking the action item done");
            afterAck.run("explaining why an action item was not marked", () -> ResponseUrls.ephemeral(ctx, message));
        }
        return ctx.ack();
    }

    /** The refreshed list replaces the one the button was on. */
    private static void showList(ActionContext ctx, List<LayoutBlock> blocks) {
        ResponseUrls.send(() -> ctx.respond(r -> r.responseType("ephemeral").replaceOriginal(true).blocks(blocks)
                .text("Action items")));
    }
}
