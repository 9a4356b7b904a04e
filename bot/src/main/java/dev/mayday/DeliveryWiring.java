package dev.mayday;

import dev.mayday.db.Database;
import dev.mayday.db.StoreFile;
import dev.mayday.db.StoreKind;
import dev.mayday.digest.WeeklyDigests;
import dev.mayday.drill.BackupConfig;
import dev.mayday.drill.RestoreDrills;
import dev.mayday.drill.ScheduledDrills;
import dev.mayday.incident.ChannelNameClaims;
import dev.mayday.incident.IncidentDirectory;
import dev.mayday.incident.IncidentNotifier;
import dev.mayday.metrics.PagesAndReminders;
import dev.mayday.outbox.ChangePosted;
import dev.mayday.outbox.ChannelRefused;
import dev.mayday.outbox.ChannelSetUp;
import dev.mayday.outbox.CloseReminder;
import dev.mayday.outbox.Deliveries;
import dev.mayday.outbox.DrillNotice;
import dev.mayday.outbox.HandOffOffered;
import dev.mayday.outbox.HandOffTaken;
import dev.mayday.outbox.HomeRefresh;
import dev.mayday.outbox.IncidentNotice;
import dev.mayday.outbox.OnCallInvited;
import dev.mayday.outbox.Outbox;
import dev.mayday.outbox.ProcessIdentity;
import dev.mayday.outbox.PagerNote;
import dev.mayday.outbox.PagerResolve;
import dev.mayday.outbox.PagerResponders;
import dev.mayday.outbox.PostmortemRequested;
import dev.mayday.outbox.PremortemCardRefresh;
import dev.mayday.outbox.PremortemOffer;
import dev.mayday.outbox.PremortemSetUp;
import dev.mayday.outbox.PremortemSummaryRequested;
import dev.mayday.premortem.PremortemChannelClaims;
import dev.mayday.premortem.PremortemSummary;
import dev.mayday.outbox.RosterNotice;
import dev.mayday.outbox.StakeholderUpdate;
import dev.mayday.outbox.UpdateReminder;
import dev.mayday.outbox.WeeklyDigest;
import dev.mayday.pagerduty.PagerDutyDelivery;
import dev.mayday.people.People;
import dev.mayday.postmortem.PostedDrafts;
import dev.mayday.reminder.ReminderTimer;
import dev.mayday.reminder.Reminders;
import dev.mayday.rotation.HandOffOffers;
import dev.mayday.rotation.HomeFacts;
import dev.mayday.rotation.RosterListener;
import dev.mayday.slack.delivery.ChangePostedDelivery;
import dev.mayday.slack.delivery.ChannelProvisioner;
import dev.mayday.slack.delivery.ChannelSetUpDelivery;
import dev.mayday.slack.delivery.DigestDelivery;
import dev.mayday.slack.delivery.DrillNoticeDelivery;
import dev.mayday.slack.delivery.HandOffOfferDelivery;
import dev.mayday.slack.delivery.HandOffTakenDelivery;
import dev.mayday.slack.delivery.HomeAfterChannelSetUp;
import dev.mayday.slack.delivery.HomeRefreshDelivery;
import dev.mayday.slack.delivery.HomeRefreshes;
import dev.mayday.slack.delivery.IncidentNoticeDelivery;
import dev.mayday.slack.delivery.OnCallInvitedDelivery;
import dev.mayday.slack.delivery.PostmortemPublisher;
import dev.mayday.slack.delivery.PremortemCardDelivery;
import dev.mayday.slack.delivery.PremortemOfferDelivery;
import dev.mayday.slack.delivery.PremortemSetUpDelivery;
import dev.mayday.slack.delivery.PremortemSummaryDelivery;
import dev.mayday.slack.delivery.ReminderDelivery;
import dev.mayday.slack.delivery.RosterDirectMessages;
import dev.mayday.slack.delivery.StakeholderUpdateDelivery;
import dev.mayday.slack.delivery.StalledChannelNotices;
import dev.mayday.slack.delivery.TaggedPosts;
import dev.mayday.slack.handlers.AppHome;
import dev.mayday.slack.views.HomeView;
import dev.mayday.slack.views.PremortemCard;
import dev.mayday.slack.views.SlackTimes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Every effect outside the process that is not a reply to the person who asked goes through one outbox: its
 * deliveries to Slack and PagerDuty are registered here, one line per publication type, and the timers (hand-off
 * offers, the weekly digest, reminders) only queue publications on it. Built in two steps, because the duty roster
 * tells the outbox of its changes and the hand-off offers read the roster: first the outbox, then (with the roster)
 * the rest.
 */
final class DeliveryWiring {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWiring.class);

    private static final int OUTBOX_WORKERS = 4;

    private final Outbox outbox;
    private final Deliveries deliveries;
    private final HomeRefreshes homeRefreshes;
    private final TaggedPosts taggedPosts;
    private final Config config;
    private final Clocks clocks;
    private final Database database;
    private final SlackWiring slack;
    private final IncidentDirectory directory;
    private final People people;
    private final Reminders reminders;

    DeliveryWiring(Config config, Clocks clocks, Database database, SlackWiring slack, IncidentDirectory directory,
                   PostmortemWiring postmortems, PagerDutyWiring pagerDuty, PagesAndReminders sent,
                   ProcessIdentity identity, Opened opened) {
        this.config = config;
        this.clocks = clocks;
        this.database = database;
        this.slack = slack;
        this.directory = directory;
        this.taggedPosts = new TaggedPosts(slack.gateway());
        this.homeRefreshes = new HomeRefreshes(database, clocks.stored());
        this.people = new People(database, slack.gateway()::person, clocks.stored());
        this.reminders = new Reminders(database, clocks.stored(), config.updateReminders());
        ReminderDelivery reminderDelivery = new ReminderDelivery(reminders, directory, taggedPosts, sent);
        PagerDutyDelivery pagerDutyDelivery = new PagerDutyDelivery(pagerDuty.client(), directory, database,
                clocks.wall());
        this.deliveries = new Deliveries()
                .on(ChannelSetUp.class, new HomeAfterChannelSetUp(new ChannelSetUpDelivery(slack.gateway(), taggedPosts,
                        new ChannelProvisioner(slack.gateway(), directory, new ChannelNameClaims(database),
                                config.teamZone()),
                        directory, slack.card(), slack.announcements(), slack.replies(), database, clocks.wall()),
                        directory, homeRefreshes))
                .on(ChannelRefused.class, new StalledChannelNotices(taggedPosts, slack.announcements(), directory))
                .on(ChangePosted.class, new ChangePostedDelivery(slack.gateway(), taggedPosts, directory, slack.card(),
                        slack.announcements()))
                .on(PostmortemRequested.class, new PostmortemPublisher(postmortems.postmortems(), slack.gateway(),
                        directory, new PostedDrafts(database), clocks.stored(), people))
                .on(OnCallInvited.class, new OnCallInvitedDelivery(slack.gateway(), taggedPosts, directory))
                .on(IncidentNotice.class, new IncidentNoticeDelivery(taggedPosts, directory))
                .on(PagerResolve.class, pagerDutyDelivery.resolves())
                .on(PagerNote.class, pagerDutyDelivery.notes())
                .on(PagerResponders.class, pagerDutyDelivery.responders())
                .on(StakeholderUpdate.class, new StakeholderUpdateDelivery(taggedPosts, directory,
                        slack.announcements()))
                .on(UpdateReminder.class, reminderDelivery.updates())
                .on(CloseReminder.class, reminderDelivery.closes());
        pagerDuty.register(deliveries, people, directory, database, clocks.wall(), sent);
        this.outbox = opened.add("the outbox", new Outbox(database, deliveries, clocks.wall(), identity,
                OUTBOX_WORKERS));
    }

    /** Who Slack users are, asked of Slack and kept in the store. */
    People people() {
        return people;
    }

    /** Wakes the outbox after a commit that queued something (it does not block). */
    Runnable wake() {
        return outbox::wake;
    }

    /** Pre-mortems' channels (made as incidents' are, with their own name claims), cards, summaries and offers. */
    void premortems(PremortemWiring premortems) {
        PremortemCard card = new PremortemCard();
        ChannelProvisioner provisioner = new ChannelProvisioner(slack.gateway(), directory,
                new PremortemChannelClaims(database), config.teamZone(), premortems.premortems()::ownsChannel);
        deliveries.on(PremortemSetUp.class, new PremortemSetUpDelivery(slack.gateway(), taggedPosts, provisioner,
                        premortems.premortems(), premortems.risks(), card))
                .on(PremortemCardRefresh.class, new PremortemCardDelivery(slack.gateway(), premortems.premortems(),
                        premortems.risks(), card))
                .on(PremortemSummaryRequested.class, new PremortemSummaryDelivery(slack.gateway(),
                        premortems.premortems(), premortems.risks(), new PremortemSummary(config.teamZone()), people,
                        database, clocks.stored()))
                .on(PremortemOffer.class, new PremortemOfferDelivery(slack.gateway(), premortems.premortems(), directory));
    }

    /** Quiet incidents' reminders: what the timer queues and the reminder's buttons change. */
    Reminders reminders() {
        return reminders;
    }

    /** A roster change was committed (its direct message and Home refreshes are queued with it): deliver them. */
    RosterListener rosterListener() {
        return change -> outbox.wake();
    }

    /** The deliveries that read the roster, and the timers; nothing runs until {@link Timers#start()}. */
    Timers timers(DutyWiring duty, DigestWiring digest, Opened opened) {
        deliveries.on(RosterNotice.class, new RosterDirectMessages(duty.duty(), slack.gateway()))
                .on(HomeRefresh.class, new HomeRefreshDelivery(slack.gateway(),
                        new HomeFacts.Source(database, directory, duty.duty()),
                        new HomeView(new SlackTimes(config.teamZone()))))
                .on(WeeklyDigest.class, new DigestDelivery(digest.facts(), digest.ledger(), taggedPosts,
                        digest.settings().channel(), clocks.stored(), people::names))
                .on(HandOffOffered.class, new HandOffOfferDelivery(duty.handOffs(), directory, taggedPosts))
                .on(HandOffTaken.class, new HandOffTakenDelivery(duty.handOffs(), directory, slack.gateway()))
                .on(DrillNotice.class, new DrillNoticeDelivery(taggedPosts, digest.settings().channel(),
                        config.incidentsChannel()));
        HandOffOffers handOffOffers = opened.add("the hand-off offers",
                new HandOffOffers(duty.handOffs(), outbox::wake, clocks.stored()));
        Optional<WeeklyDigests> weeklyDigests = digest.settings().channel().map(channel -> opened.add(
                "the weekly digest timer", new WeeklyDigests(digest.settings().schedule(), database, clocks.stored(),
                        outbox::wake)));
        ReminderTimer reminderTimer = opened.add("the reminder timer",
                new ReminderTimer(reminders, outbox::wake, clocks.stored()));
        return new Timers(new AppHome(homeRefreshes, outbox::wake), handOffOffers, weeklyDigests, reminderTimer,
                scheduledDrills(opened));
    }

    /**
     * Backups and their drills on schedule: only when one is set, and only for a store in a file (on PostgreSQL the
     * backups are pg_dump's, the operator's, and the schedule is ignored with one line saying so).
     */
    private Optional<ScheduledDrills> scheduledDrills(Opened opened) {
        BackupConfig backups = config.backups();
        if (backups.schedule().isPresent() && StoreKind.of(database.url()) != StoreKind.SQLITE) {
            log.warn("BACKUP_SCHEDULE is ignored on PostgreSQL: back the database up and drill its restores with "
                    + "pg_dump and pg_restore (see \"Running on PostgreSQL\" in the README)");
            return Optional.empty();
        }
        return backups.schedule().flatMap(schedule -> StoreFile.find(database.url()).map(store -> opened.add(
                "the backup timer", new ScheduledDrills(new RestoreDrills(database, store, backups.dir().orElseThrow(),
                        backups.keep(), clocks.stored()), schedule, outbox::wake))));
    }

    /** Waits until the deliveries queued so far are done; true when in time. */
    boolean awaitIdle(long timeout, TimeUnit unit) throws InterruptedException {
        return outbox.awaitIdle(timeout, unit) && slack.afterAck().drain(timeout, unit)
                && outbox.awaitIdle(timeout, unit);
    }

    final class Timers {

        private final AppHome appHome;
        private final HandOffOffers handOffOffers;
        private final Optional<WeeklyDigests> weeklyDigests;
        private final ReminderTimer reminderTimer;
        private final Optional<ScheduledDrills> scheduledDrills;
        private final IncidentNotifier notifier;

        private Timers(AppHome appHome, HandOffOffers handOffOffers, Optional<WeeklyDigests> weeklyDigests,
                       ReminderTimer reminderTimer, Optional<ScheduledDrills> scheduledDrills) {
            this.appHome = appHome;
            this.handOffOffers = handOffOffers;
            this.weeklyDigests = weeklyDigests;
            this.reminderTimer = reminderTimer;
            this.scheduledDrills = scheduledDrills;
            this.notifier = IncidentNotifier.waking(outbox::wake);
        }

        AppHome appHome() {
            return appHome;
        }

        /** Told of each committed change, whose publications (Home refreshes too) are queued: wakes the outbox. */
        IncidentNotifier notifier() {
            return notifier;
        }

        void start() {
            outbox.start();
            handOffOffers.start();
            weeklyDigests.ifPresent(WeeklyDigests::start);
            reminderTimer.start();
            scheduledDrills.ifPresent(ScheduledDrills::start);
        }
    }
}
