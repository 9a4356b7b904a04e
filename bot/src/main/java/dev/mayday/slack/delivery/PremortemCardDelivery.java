package dev.mayday.slack.delivery;

import dev.mayday.outbox.Attempt;
import dev.mayday.outbox.Delivery;
import dev.mayday.outbox.PremortemCardRefresh;
import dev.mayday.premortem.Premortem;
import dev.mayday.premortem.PremortemRisks;
import dev.mayday.premortem.Premortems;
import dev.mayday.slack.api.SlackGateway;
import dev.mayday.slack.views.PremortemCard;

/** Rewrites the pre-mortem's card in place from the pre-mortem as it is now (an update is idempotent). */
public final class PremortemCardDelivery implements Delivery<PremortemCardRefresh> {

    private final SlackGateway slack;
    private final Premortems premortems;
    private final PremortemRisks risks;
    private final PremortemCard card;

    public PremortemCardDelivery(SlackGateway slack, Premortems premortems, PremortemRisks risks, PremortemCard card) {
        this.slack = slack;
        this.premortems = premortems;
        this.risks = risks;
        this.card = card;
    }

    @Override
    public void deliver(PremortemCardRefresh refresh, Attempt attempt) {
        Premortem premortem = premortems.byId(refresh.premortemId()).orElseThrow();
        // without a card yet, the set-up (earlier in this lane) posts it as the pre-mortem is then
        if (premortem.channelId().isPresent() && premortem.cardTs().isPresent()) {
            slack.updateMessage(premortem.channelId().get(), premortem.cardTs().get(), card.fallbackText(premortem),
                    card.blocks(premortem, risks.of(premortem.id())));
        }
    }
}
