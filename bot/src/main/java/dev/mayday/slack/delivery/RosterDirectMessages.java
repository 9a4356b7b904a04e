package dev.mayday.slack.delivery;

import dev.mayday.outbox.Attempt;
import dev.mayday.outbox.Delivery;
import dev.mayday.outbox.RosterNotice;
import dev.mayday.rotation.DutyService;
import dev.mayday.rotation.RosterChange;
import dev.mayday.slack.api.SlackGateway;
import dev.mayday.slack.views.RosterChangeText;

/**
 * Sends the direct message a roster change owes the person somebody else changed: queued with the change, delivered
 * by the outbox (so a Slack outage or a restart delays it but never loses it). A crash between Slack taking the
 * message and the store recording its ts sends it once more: a direct message has no history the bot may read back
 * without another scope, so a notice is never lost and rarely doubled.
 */
public final class RosterDirectMessages implements Delivery<RosterNotice> {

    private final DutyService roster;
    private final SlackGateway gateway;

    public RosterDirectMessages(DutyService roster, SlackGateway gateway) {
        this.roster = roster;
        this.gateway = gateway;
    }

    @Override
    public void deliver(RosterNotice notice, Attempt attempt) {
        if (attempt.result().isPresent()) {
            return;
        }
        RosterChange change = roster.change(notice.changeId()).orElseThrow(() ->
                new IllegalStateException("roster change " + notice.changeId() + " is not in the store"));
        // a user id as the channel: the bot's direct messages with that person (the app's Messages tab)
        attempt.recordResult(gateway.postMessage(notice.target(), RosterChangeText.notice(change), null));
    }
}
