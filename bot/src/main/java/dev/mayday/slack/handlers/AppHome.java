package dev.mayday.slack.handlers;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.handler.BoltEventHandler;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.event.AppHomeOpenedEvent;
import dev.mayday.slack.delivery.HomeAfterChannelSetUp;
import dev.mayday.slack.delivery.HomeRefreshDelivery;
import dev.mayday.slack.delivery.HomeRefreshes;

import java.util.Set;

/**
 * Opening the App Home tab queues a refresh of it (the outbox publishes it, {@link HomeRefreshDelivery}). Every other
 * refresh is queued by the change that alters what a Home shows, in that change's transaction: an incident change,
 * a roster change, a new incident's channel ({@link HomeAfterChannelSetUp}).
 */
public final class AppHome implements BoltEventHandler<AppHomeOpenedEvent> {

    private final HomeRefreshes homes;
    private final Runnable wake;

    public AppHome(HomeRefreshes homes, Runnable wake) {
        this.homes = homes;
        this.wake = wake;
    }

    @Override
    public Response apply(EventsApiPayload<AppHomeOpenedEvent> payload, EventContext ctx) {
        AppHomeOpenedEvent event = payload.getEvent();
        if ("home".equals(event.getTab()) && event.getUser() != null) {
            homes.queue(Set.of(event.getUser()));
            wake.run();
        }
        return ctx.ack();
    }
}
