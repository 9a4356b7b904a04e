package dev.mayday.slack.delivery;

import dev.mayday.incident.HomeRefreshRule;
import dev.mayday.incident.IncidentDirectory;
import dev.mayday.outbox.Attempt;
import dev.mayday.outbox.ChannelSetUp;
import dev.mayday.outbox.Delivery;
import dev.mayday.outbox.DeliveryError;

/**
 * Once a new incident's channel is set up, the Homes of the people involved are refreshed so that its line links to
 * the channel: driven by the set-up itself, not by polling for the channel. (The outbox looks for due rows again
 * after every delivery, so the refreshes go out right after.)
 */
public final class HomeAfterChannelSetUp implements Delivery<ChannelSetUp> {

    private final Delivery<ChannelSetUp> setUp;
    private final IncidentDirectory directory;
    private final HomeRefreshes homes;

    public HomeAfterChannelSetUp(Delivery<ChannelSetUp> setUp, IncidentDirectory directory, HomeRefreshes homes) {
        this.setUp = setUp;
        this.directory = directory;
        this.homes = homes;
    }

    @Override
    public void deliver(ChannelSetUp publication, Attempt attempt) {
        setUp.deliver(publication, attempt);
        directory.byId(publication.incidentId()).ifPresent(incident -> homes.queue(HomeRefreshRule.involved(incident)));
    }

    @Override
    public void failed(ChannelSetUp publication, Attempt attempt, DeliveryError failure, boolean willRetry) {
        setUp.failed(publication, attempt, failure, willRetry);
    }
}
