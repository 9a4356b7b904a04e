package dev.mayday.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.block.LayoutBlock;

import java.io.IOException;
import java.util.List;

/** "Mark done" on the list from {@code /incident actions}: marks the item and refreshes the list in place. */
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
        try {
            List<LayoutBlock> list = followUps.markDone(payload.getChannel().getId(), payload.getUser().getId(),
                    payload.getActions().get(0).getValue());
            afterAck.run("refreshing the action items", () -> respond(ctx, list, null));
        } catch (RuntimeException e) {
            String message = UserFacingErrors.explain(e, "marking the action item done");
            afterAck.run("explaining why an action item was not marked", () -> respond(ctx, null, message));
        }
        return ctx.ack();
    }

    private static void respond(ActionContext ctx, List<LayoutBlock> blocks, String text) {
        try {
            if (blocks != null) {
                ctx.respond(r -> r.responseType("ephemeral").replaceOriginal(true).blocks(blocks).text("Action items"));
            } else {
                ctx.respond(r -> r.responseType("ephemeral").replaceOriginal(false).text(text));
            }
        } catch (IOException e) {
            throw new SlackCallFailed("response_url", "io_error", e);
        }
    }
}
