package dev.mayday.slack.handlers;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import dev.mayday.incident.Incident;
import dev.mayday.incident.IncidentDirectory;
import dev.mayday.incident.IncidentRuleViolation;
import dev.mayday.premortem.PremortemLinks;
import dev.mayday.slack.api.ResponseUrls;
import dev.mayday.slack.requests.AfterAck;
import dev.mayday.slack.requests.BlockActionPayloads;
import dev.mayday.slack.requests.UserFacingErrors;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * <i>Link</i> on the offer of matching pre-mortems: links the incident to the pre-mortem. Only the incident's declarer
 * was offered it, and only they (or its lead) may use it; anyone else's click, or a forged value, changes nothing.
 */
public final class PremortemLinkButton implements BlockActionHandler {

    private final PremortemLinks links;
    private final IncidentDirectory directory;
    private final AfterAck afterAck;

    public PremortemLinkButton(PremortemLinks links, IncidentDirectory directory, AfterAck afterAck) {
        this.links = links;
        this.directory = directory;
        this.afterAck = afterAck;
    }

    @Override
    public Response apply(BlockActionRequest request, ActionContext ctx) {
        BlockActionPayload payload = request.getPayload();
        Optional<Response> malformed = BlockActionPayloads.refusal(payload);
        if (malformed.isPresent()) {
            return malformed.get();
        }
        String user = payload.getUser().getId();
        String message;
        try {
            String[] ids = payload.getActions().get(0).getValue().split(":");
            Incident incident = directory.byId(Long.parseLong(ids[0]))
                    .filter(i -> user.equals(i.people().declaredBy()) || user.equals(i.lead()))
                    .orElseThrow(() -> new IncidentRuleViolation("Only the incident's declarer or lead can link it "
                            + "to a pre-mortem. Nothing was changed."));
            message = PremortemCommands.linked(incident.id(), links.link(incident.id(), Long.parseLong(ids[1]),
                    OptionalInt.empty(), false, user));
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            message = "That button is not one Mayday made. Nothing was changed.";
        } catch (RuntimeException e) {
            message = UserFacingErrors.explain(ctx, e, "linking a pre-mortem");
        }
        String answer = message;
        afterAck.run("answering a pre-mortem link", () -> ResponseUrls.ephemeral(ctx, answer));
        return ctx.ack();
    }
}
