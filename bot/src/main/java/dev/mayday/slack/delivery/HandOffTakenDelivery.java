package dev.mayday.slack.delivery;

import dev.mayday.incident.IncidentDirectory;
import dev.mayday.outbox.Attempt;
import dev.mayday.outbox.Delivery;
import dev.mayday.outbox.HandOffTaken;
import dev.mayday.rotation.HandOffs;
import dev.mayday.slack.api.SlackGateway;
import dev.mayday.slack.views.HandOffMessage;

import java.util.List;
import java.util.Optional;

import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

/** Replaces a taken hand-off offer's message (and its button) with who took it ({@code chat.update}: idempotent). */
public final class HandOffTakenDelivery implements Delivery<HandOffTaken> {

    private final HandOffs handOffs;
    private final IncidentDirectory directory;
    private final SlackGateway gateway;

    public HandOffTakenDelivery(HandOffs handOffs, IncidentDirectory directory, SlackGateway gateway) {
        this.handOffs = handOffs;
        this.directory = directory;
        this.gateway = gateway;
    }

    @Override
    public void deliver(HandOffTaken taken, Attempt attempt) {
        Optional<HandOffs.Offer> offer = handOffs.offer(taken.stint()).filter(o -> o.messageTs() != null);
        Optional<String> channel = directory.byId(taken.incidentId()).flatMap(i -> i.channel());
        if (offer.isEmpty() || channel.isEmpty()) {
            return; // the offer was never posted: there is no message to mark
        }
        String text = HandOffMessage.taken(offer.get(), taken.by());
        gateway.updateMessage(channel.get(), offer.get().messageTs(), text,
                List.of(section(s -> s.text(markdownText(text)))));
    }
}
