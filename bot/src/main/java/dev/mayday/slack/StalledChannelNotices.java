package dev.mayday.slack;

import dev.mayday.db.Database;
import dev.mayday.db.incident.ChannelNameDao;
import dev.mayday.incident.Incident;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.mayday.text.UserText;

import java.time.Clock;
import java.util.Optional;

/**
 * Says, once per incident, that Slack refused its channel and Mayday keeps asking: in {@code INCIDENTS_CHANNEL} for a
 * public incident, where responders would look for it; by direct message to the declarer for a private one (whose
 * existence is not for a public channel) or when there is no {@code INCIDENTS_CHANNEL}. The notice carries the number,
 * severity and Slack's error, never the title, so nothing a declarer typed lands in a channel it was not meant for.
 * <p>
 * "Once" survives retries and restarts: it is recorded before posting, and un-recorded if the post fails, so a later
 * retry tries again. A crash between the two loses the notice rather than repeating it.
 */
public final class StalledChannelNotices {

    private static final Logger log = LoggerFactory.getLogger(StalledChannelNotices.class);

    private final SlackGateway slack;
    private final Announcements announcements;
    private final Jdbi jdbi;
    private final Clock clock;

    public StalledChannelNotices(SlackGateway slack, Announcements announcements, Database database, Clock clock) {
        this.slack = slack;
        this.announcements = announcements;
        this.jdbi = database.jdbi();
        this.clock = clock;
    }

    public void tellOnce(Incident incident, String reason) {
        Optional<String> publicly = announcements.channelFor(incident);
        Optional<String> where = publicly.or(() -> Optional.of(incident.people().declaredBy()).filter(Mentions::isUserId));
        if (where.isEmpty() || jdbi.inTransaction(h -> h.attach(ChannelNameDao.class)
                .noteSetupFailure(incident.id(), clock.millis())) == 0) {
            return;
        }
        String text = ":warning: Incident #" + incident.id() + " (" + incident.severity().label() + ") has no channel "
                + "yet: Slack refused to create it (" + UserText.inert(reason) + "). The incident is saved and Mayday keeps asking every "
                + "few minutes; " + (publicly.isPresent() ? "its channel will be announced here" : "you will be invited")
                + " once it exists. If this lasts, a workspace admin may need to let the app create channels.";
        try {
            slack.postMessage(where.get(), text, null);
        } catch (SlackCallFailed e) {
            log.warn("Could not say that incident #{} has no channel: {}", incident.id(), e.error());
            jdbi.useTransaction(h -> h.attach(ChannelNameDao.class).forgetSetupFailure(incident.id()));
        }
    }
}
