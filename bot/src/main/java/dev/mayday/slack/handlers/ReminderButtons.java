package dev.mayday.slack.handlers;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import dev.mayday.incident.Incident;
import dev.mayday.incident.IncidentDirectory;
import dev.mayday.incident.IncidentRuleViolation;
import dev.mayday.reminder.Reminders;
import dev.mayday.slack.api.ResponseUrls;
import dev.mayday.slack.api.SlackGateway;
import dev.mayday.slack.requests.AfterAck;
import dev.mayday.slack.requests.BlockActionPayloads;
import dev.mayday.slack.requests.UserFacingErrors;
import dev.mayday.slack.views.SlackTimes;

import java.time.Instant;
import java.util.Optional;

/**
 * A reminder's two buttons: "Post an update" opens the update form (after the ack: the trigger lives seconds, and the
 * form needs nothing stored), "Snooze 30 min" holds the incident's reminders back. Either refuses, privately, a button
 * clicked outside the channel of the incident it was posted for.
 */
public final class ReminderButtons {

    private final Reminders reminders;
    private final IncidentDirectory directory;
    private final UpdateForm form;
    private final SlackGateway slack;
    private final AfterAck afterAck;
    private final SlackTimes times;

    public ReminderButtons(Reminders reminders, IncidentDirectory directory, UpdateForm form, SlackGateway slack,
                           AfterAck afterAck, SlackTimes times) {
        this.reminders = reminders;
        this.directory = directory;
        this.form = form;
        this.slack = slack;
        this.afterAck = afterAck;
        this.times = times;
    }

    public BlockActionHandler postUpdate() {
        return (request, ctx) -> act(request, ctx, "opening the update form", (incident, payload) -> {
            String triggerId = payload.getTriggerId();
            String channel = incident.place().channelId();
            afterAck.run("opening the update form", () -> slack.openView(triggerId, form.form(channel)));
        });
    }

    public BlockActionHandler snooze() {
        return (request, ctx) -> act(request, ctx, "snoozing the reminders", (incident, payload) -> {
            Instant until = reminders.snooze(incident.id(), payload.getUser().getId());
            String message = ":zzz: No update reminders for this incident until " + times.format(until) + ".";
            afterAck.run("confirming the snooze", () -> ResponseUrls.ephemeral(ctx, message));
        });
    }

    private Response act(BlockActionRequest request, ActionContext ctx, String attempted, Action action) {
        BlockActionPayload payload = request.getPayload();
        Optional<Response> malformed = BlockActionPayloads.refusal(payload);
        if (malformed.isPresent()) {
            return malformed.get();
        }
        try {
            // the incident id comes from the button and anyone can send any id: it must be this channel's incident
            String value = payload.getActions().get(0).getValue();
            Incident incident = directory.byChannel(payload.getChannel().getId())
                    .filter(i -> String.valueOf(i.id()).equals(value))
                    .orElseThrow(() -> new IncidentRuleViolation("That reminder is not for the incident of this "
                            + "channel. Nothing was changed; post updates with `/incident update <text>` in the "
                            + "incident's own channel."));
            action.run(incident, payload);
        } catch (RuntimeException e) {
            String message = UserFacingErrors.explain(ctx, e, attempted);
            afterAck.run("telling the user why " + attempted + " failed", () -> ResponseUrls.ephemeral(ctx, message));
        }
        return ctx.ack();
    }

    @FunctionalInterface
    private interface Action {
        void run(Incident incident, BlockActionPayload payload);
    }
}
