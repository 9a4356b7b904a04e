package dev.mayday.slack.delivery;

import dev.mayday.incident.Incident;
import dev.mayday.incident.IncidentDirectory;
import dev.mayday.outbox.Attempt;
import dev.mayday.outbox.Delivery;
import dev.mayday.outbox.PremortemOffer;
import dev.mayday.premortem.Premortem;
import dev.mayday.premortem.Premortems;
import dev.mayday.slack.api.SlackGateway;
import dev.mayday.slack.views.PremortemOfferMessage;

import java.util.List;
import java.util.Optional;

/**
 * The offer of matching pre-mortems, by direct message to the declarer (a direct message's history cannot be read
 * back, so a retry after Slack's answer was recorded sends nothing, as roster messages do).
 */
public final class PremortemOfferDelivery implements Delivery<PremortemOffer> {

    private final SlackGateway slack;
    private final Premortems premortems;
    private final IncidentDirectory directory;

    public PremortemOfferDelivery(SlackGateway slack, Premortems premortems, IncidentDirectory directory) {
        this.slack = slack;
        this.premortems = premortems;
        this.directory = directory;
    }

    @Override
    public void deliver(PremortemOffer offer, Attempt attempt) {
        if (attempt.result().isPresent()) {
            return;
        }
        Incident incident = directory.byId(offer.incidentId()).orElseThrow();
        List<Premortem> offered = offer.premortemIds().stream().map(premortems::byId).flatMap(Optional::stream).toList();
        attempt.recordResult(slack.postMessage(offer.declaredBy(),
                PremortemOfferMessage.text(incident.id(), incident.title()),
                PremortemOfferMessage.blocks(incident.id(), incident.title(), offered)));
    }
}
