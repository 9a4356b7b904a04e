package dev.mayday.slack.handlers;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import dev.mayday.incident.Incident;
import dev.mayday.incident.IncidentDirectory;
import dev.mayday.incident.IncidentRuleViolation;
import dev.mayday.incident.IncidentService;
import dev.mayday.rotation.HandOffs;
import dev.mayday.slack.api.ResponseUrls;
import dev.mayday.slack.requests.AfterAck;
import dev.mayday.slack.requests.BlockActionPayloads;
import dev.mayday.slack.requests.UserFacingErrors;
import dev.mayday.slack.views.HandOffMessage;
import dev.mayday.slack.views.Mentions;

import java.util.Optional;

/**
 * "Hand off to next in line": does what {@code /incident lead @next} does, for the stint the offer was made for, and
 * queues the offer's message to say who took it; an offer whose lead has changed since is refused and changes nothing.
 */
public final class HandOffButton implements BlockActionHandler {

    public static final String ACCEPT_ACTION = HandOffMessage.ACCEPT_ACTION;

    private final HandOffs handOffs;
    private final IncidentService incidents;
    private final IncidentDirectory directory;
    private final AfterAck afterAck;

    public HandOffButton(HandOffs handOffs, IncidentService incidents, IncidentDirectory directory,
                         AfterAck afterAck) {
        this.handOffs = handOffs;
        this.incidents = incidents;
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
        try {
            // the offer id comes from the button and anyone can send any id: it must be an offer of the incident
            // whose channel the button was clicked in, taken up by the one offered or someone on the roster
            HandOffs.Offer offer = offer(payload.getActions().get(0).getValue());
            Incident incident = directory.byChannel(payload.getChannel().getId())
                    .filter(i -> i.id() == offer.incidentId())
                    .orElseThrow(HandOffButton::notThisChannels);
            if (!handOffs.mayAccept(offer, user)) {
                throw new IncidentRuleViolation("This hand-off was offered to " + Mentions.of(offer.next())
                        + ": only they, or someone on the duty roster, can take it up. Nothing was changed.");
            }
            if (!handOffs.isCurrent(offer)) {
                throw noLongerApplies();
            }
            incidents.changeLead(incident.place().channelId(), user, offer.next());
            handOffs.taken(offer, user);
        } catch (RuntimeException e) {
            String message = UserFacingErrors.explain(ctx, e, "handing off the lead");
            afterAck.run("telling the user why the hand-off failed", () -> ResponseUrls.ephemeral(ctx, message));
        }
        return ctx.ack();
    }

    private HandOffs.Offer offer(String value) {
        try {
            return handOffs.offer(Long.parseLong(value)).orElseThrow(HandOffButton::noLongerApplies);
        } catch (NumberFormatException e) {
            throw noLongerApplies();
        }
    }

    private static IncidentRuleViolation notThisChannels() {
        return new IncidentRuleViolation("That hand-off offer is not for the incident of this channel. Nothing was "
                + "changed; use the offer in the incident's own channel, or `/incident lead @someone` there.");
    }

    private static IncidentRuleViolation noLongerApplies() {
        return new IncidentRuleViolation("This hand-off offer no longer applies: the lead has changed since it was "
                + "made. To hand over now, use `/incident lead @someone`.");
    }
}
