package dev.mayday;

import dev.mayday.db.Database;
import dev.mayday.incident.IncidentDirectory;
import dev.mayday.incident.IncidentNotifier;
import dev.mayday.outbox.ChangePosted;
import dev.mayday.outbox.ChannelRefused;
import dev.mayday.outbox.ChannelSetUp;
import dev.mayday.outbox.Deliveries;
import dev.mayday.outbox.IncidentNotice;
import dev.mayday.outbox.OnCallInvited;
import dev.mayday.outbox.Outbox;
import dev.mayday.outbox.PagerNote;
import dev.mayday.outbox.PagerResolve;
import dev.mayday.outbox.PagerResponders;
import dev.mayday.outbox.PostmortemRequested;
import dev.mayday.pagerduty.PagerDutyDelivery;
import dev.mayday.rotation.HomeFacts;
import dev.mayday.rotation.RosterListener;
import dev.mayday.rotation.RosterNotices;
import dev.mayday.slack.AppHome;
import dev.mayday.incident.ChannelNameClaims;
import dev.mayday.slack.ChannelProvisioner;
import dev.mayday.slack.DigestPoster;
import dev.mayday.slack.HandOffOffers;
import dev.mayday.slack.HomeRefreshingNotifier;
import dev.mayday.slack.HomeView;
import dev.mayday.slack.PostmortemPublisher;
import dev.mayday.slack.RosterDirectMessages;
import dev.mayday.slack.ChangePostedDelivery;
import dev.mayday.slack.ChannelSetUpDelivery;
import dev.mayday.slack.IncidentNoticeDelivery;
import dev.mayday.slack.OnCallInvitedDelivery;
import dev.mayday.slack.TaggedPosts;
import dev.mayday.slack.SlackTimes;
import dev.mayday.slack.StalledChannelNotices;

import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Every effect outside the process that is not a reply to the person who asked: the outbox and its deliveries to
 * Slack and PagerDuty, roster direct messages, App Home, hand-off offers and the weekly digest. Built in two steps,
 * because the duty roster tells this of its changes and App Home and hand-off offers read the roster: first the
 * outbox and the roster's listener, then (with the roster) the rest.
 */
final class DeliveryWiring {

    private static final int OUTBOX_WORKERS = 4;

    private final Outbox outbox;
    private final RosterDirectMessages rosterMessages;
    private final Config config;
    private final Clocks clocks;
    private final Database database;
    private final SlackWiring slack;
    private final IncidentDirectory directory;

    DeliveryWiring(Config config, Clocks clocks, Database database, SlackWiring slack, IncidentDirectory directory,
                   PostmortemWiring postmortems, PagerDutyWiring pagerDuty, Opened opened) {
        this.config = config;
        this.clocks = clocks;
        this.database = database;
        this.slack = slack;
        this.directory = directory;
        TaggedPosts taggedPosts = new TaggedPosts(slack.gateway());
        PagerDutyDelivery pagerDutyDelivery = new PagerDutyDelivery(pagerDuty.client(), directory, database,
                clocks.wall());
        Deliveries deliveries = new Deliveries()
                .on(ChannelSetUp.class, new ChannelSetUpDelivery(slack.gateway(), taggedPosts,
                        new ChannelProvisioner(slack.gateway(), directory, new ChannelNameClaims(database),
                                config.teamZone()),
                        directory, slack.card(), slack.announcements(), slack.replies(), database, clocks.wall()))
                .on(ChannelRefused.class, new StalledChannelNotices(taggedPosts, slack.announcements(), directory))
                .on(ChangePosted.class, new ChangePostedDelivery(slack.gateway(), taggedPosts, directory, slack.card(),
                        slack.announcements()))
                .on(PostmortemRequested.class, new PostmortemPublisher(postmortems.postmortems(), slack.gateway(),
                        directory, database, clocks.stored()))
                .on(OnCallInvited.class, new OnCallInvitedDelivery(slack.gateway(), taggedPosts, directory))
                .on(IncidentNotice.class, new IncidentNoticeDelivery(taggedPosts, directory))
                .on(PagerResolve.class, pagerDutyDelivery.resolves())
                .on(PagerNote.class, pagerDutyDelivery.notes())
                .on(PagerResponders.class, pagerDutyDelivery.responders());
        this.outbox = opened.add("the outbox", new Outbox(database, deliveries, clocks.wall(), OUTBOX_WORKERS));
        this.rosterMessages = opened.add("the roster direct messages",
                new RosterDirectMessages(new RosterNotices(database, clocks.stored()), slack.gateway()));
    }

    RosterListener rosterListener() {
        return rosterMessages;
    }

    /** The deliveries that read the roster; nothing runs until {@link Timers#start()}. */
    Timers timers(DutyWiring duty, DigestWiring digest, Opened opened) {
        AppHome appHome = opened.add("App Home", new AppHome(slack.gateway(),
                new HomeFacts.Source(database, directory, duty.duty()), new HomeView(new SlackTimes(config.teamZone())),
                directory, clocks.stored()));
        HandOffOffers handOffOffers = opened.add("the hand-off offers",
                new HandOffOffers(duty.handOffs(), directory, slack.gateway(), clocks.stored()));
        Optional<DigestPoster> digestPoster = digest.settings().channel().map(channel -> opened.add(
                "the digest poster", new DigestPoster(digest.turns(), digest.ledger(), digest.facts(), slack.gateway(),
                        channel, clocks.stored())));
        return new Timers(appHome, handOffOffers, digestPoster);
    }

    /** Waits until the deliveries queued so far are done; true when in time. */
    boolean awaitIdle(long timeout, TimeUnit unit) throws InterruptedException {
        return outbox.awaitIdle(timeout, unit) && slack.afterAck().drain(timeout, unit)
                && outbox.awaitIdle(timeout, unit) && rosterMessages.awaitIdle(timeout, unit);
    }

    final class Timers {

        private final AppHome appHome;
        private final HandOffOffers handOffOffers;
        private final Optional<DigestPoster> digestPoster;
        private final IncidentNotifier notifier;

        private Timers(AppHome appHome, HandOffOffers handOffOffers, Optional<DigestPoster> digestPoster) {
            this.appHome = appHome;
            this.handOffOffers = handOffOffers;
            this.digestPoster = digestPoster;
            this.notifier = new HomeRefreshingNotifier(IncidentNotifier.waking(outbox::wake), appHome);
        }

        AppHome appHome() {
            return appHome;
        }

        /** What the domain tells of declarations and changes: the outbox, and App Home for those who look. */
        IncidentNotifier notifier() {
            return notifier;
        }

        void start() {
            outbox.start();
            handOffOffers.start();
            rosterMessages.start();
            appHome.start();
            digestPoster.ifPresent(DigestPoster::start);
        }
    }
}
