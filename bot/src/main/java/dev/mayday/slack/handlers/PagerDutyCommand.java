package dev.mayday.slack.handlers;

import dev.mayday.incident.IncidentDirectory;
import dev.mayday.incident.IncidentRuleViolation;
import dev.mayday.pagerduty.PagerDutyCallFailed;
import dev.mayday.pagerduty.PagerDutyClient;
import dev.mayday.pagerduty.PagerDutyIncident;
import dev.mayday.pagerduty.PagerDutyRef;
import dev.mayday.text.UserText;

import java.util.Optional;
import java.util.stream.Collectors;

/** {@code /incident pd}: the linked PagerDuty incident's state, assignees and link, fetched after the ack. */
public final class PagerDutyCommand {

    private final Optional<PagerDutyClient> pagerDuty;
    private final IncidentDirectory directory;

    public PagerDutyCommand(Optional<PagerDutyClient> pagerDuty, IncidentDirectory directory) {
        this.pagerDuty = pagerDuty;
        this.directory = directory;
    }

    /** The linked PagerDuty incident id; refuses (before the ack) when there is none to look up. */
    public String linkedIncident(String channelId) {
        if (pagerDuty.isEmpty()) {
            throw new IncidentRuleViolation("PagerDuty is not set up for Mayday (PAGERDUTY_API_TOKEN).");
        }
        long incident = directory.byChannel(channelId).orElseThrow(() ->
                new IncidentRuleViolation("This is not an incident channel. Run `/incident pd` in the incident's own channel."))
                .id();
        return directory.pagerIdOf(incident)
                .orElseThrow(() -> new IncidentRuleViolation("This incident is not linked to a PagerDuty incident."));
    }

    /** The answer for the person who asked; slow (a PagerDuty call), so run it after the ack. */
    public String describe(String pagerId) {
        try {
            PagerDutyIncident incident = pagerDuty.orElseThrow().getIncident(pagerId);
            // everything here is PagerDuty's text: written inert, and the link shows its address
            String assignees = incident.assignees().stream().map(PagerDutyRef::summary).map(UserText::inert)
                    .collect(Collectors.joining(", "));
            return ":pager: PagerDuty #" + incident.number() + " *" + UserText.inert(incident.title()) + "*: "
                    + incident.status().wire() + (assignees.isEmpty() ? "" : ", assigned to " + assignees)
                    + incident.priority().map(p -> ", priority " + UserText.inert(p)).orElse("") + ", urgency "
                    + UserText.inert(incident.urgency()) + "\nOpen in PagerDuty: " + UserText.inert("<" + incident.htmlUrl() + ">");
        } catch (PagerDutyCallFailed e) {
            return ":warning: PagerDuty did not answer (" + UserText.inert(e.reason()) + "); try again in a moment.";
        }
    }
}
