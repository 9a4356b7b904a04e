package dev.mayday.slack.delivery;

import dev.mayday.outbox.Attempt;
import dev.mayday.outbox.Delivery;
import dev.mayday.outbox.HomeRefresh;
import dev.mayday.rotation.HomeFacts;
import dev.mayday.slack.api.SlackGateway;
import dev.mayday.slack.views.HomeView;
import dev.mayday.slack.views.Mentions;

/**
 * Publishes one person's App Home as the store shows it now ({@code views.publish} replaces the whole view, so doing it
 * again is harmless).
 */
public final class HomeRefreshDelivery implements Delivery<HomeRefresh> {

    private final SlackGateway gateway;
    private final HomeFacts.Source facts;
    private final HomeView view;

    public HomeRefreshDelivery(SlackGateway gateway, HomeFacts.Source facts, HomeView view) {
        this.gateway = gateway;
        this.facts = facts;
        this.view = view;
    }

    @Override
    public void deliver(HomeRefresh refresh, Attempt attempt) {
        if (!Mentions.isUserId(refresh.user())) {
            return; // a roster id that is no Slack user has no Home
        }
        gateway.publishHome(refresh.user(), view.build(facts.of(refresh.user())));
    }
}
