package dev.mayday;

import com.slack.api.model.event.AppHomeOpenedEvent;
import dev.mayday.db.Database;
import dev.mayday.incident.IncidentDirectory;
import dev.mayday.incident.IncidentService;
import dev.mayday.incident.MessageDeclarations;
import dev.mayday.incident.Paging;
import dev.mayday.people.People;
import dev.mayday.reminder.Reminders;
import dev.mayday.slack.handlers.ActionItemButton;
import dev.mayday.slack.handlers.AddToTimelineShortcut;
import dev.mayday.slack.handlers.AppHome;
import dev.mayday.slack.handlers.CardActions;
import dev.mayday.slack.handlers.DeclareModal;
import dev.mayday.slack.handlers.DeclareShortcut;
import dev.mayday.slack.handlers.DigestCommand;
import dev.mayday.slack.handlers.DutyCommand;
import dev.mayday.slack.handlers.FollowUpCommands;
import dev.mayday.slack.handlers.HandOffButton;
import dev.mayday.slack.handlers.IncidentCommand;
import dev.mayday.slack.handlers.PageCommand;
import dev.mayday.slack.handlers.PagerDutyCommand;
import dev.mayday.slack.handlers.PremortemCommands;
import dev.mayday.slack.handlers.PremortemLinkButton;
import dev.mayday.slack.handlers.ReminderButtons;
import dev.mayday.slack.handlers.TimelineEvents;
import dev.mayday.slack.handlers.TimelineReply;
import dev.mayday.slack.handlers.UpdateForm;
import dev.mayday.slack.requests.SlackHandlers;
import dev.mayday.slack.requests.SlackSurface;
import dev.mayday.slack.views.IncidentCard;
import dev.mayday.slack.views.PremortemOfferMessage;
import dev.mayday.slack.views.ReminderMessage;
import dev.mayday.slack.views.SlackTimes;
import dev.mayday.timeline.KeyTimeline;
import dev.mayday.timeline.TimelineCapture;

import java.time.Clock;

/** What Slack can ask of Mayday: the slash command, buttons, the declare form, the shortcut and events, on the Bolt app. */
final class SlackHandlerWiring {

    /** What the handlers reach: the features behind them. */
    record Features(Database database, IncidentDirectory directory, IncidentService incidents, DutyWiring duty,
                    PostmortemWiring postmortems, DigestWiring digest, PagerDutyWiring pagerDuty, AppHome appHome,
                    Paging paging, Reminders reminders, MessageDeclarations fromMessages, PremortemWiring premortems) {
    }

    private SlackHandlerWiring() {
    }

    /** Registers every handler on {@code slack}'s app; the surface is what was registered. */
    static SlackSurface register(Config config, Clock clock, SlackWiring slack, Features f) {
        DeclareModal modal = new DeclareModal(f.incidents(), f.fromMessages(), slack.gateway(), slack.replies(),
                slack.ackWindow(), f.premortems().links());
        CardActions cardActions = new CardActions(f.incidents(), slack.afterAck());
        FollowUpCommands followUps = new FollowUpCommands(f.directory(), f.incidents(), f.postmortems().actionItems(),
                f.postmortems().learnings(), clock);
        TimelineEvents timelineEvents = new TimelineEvents(new TimelineCapture(f.database(), clock),
                f.premortems().risks());
        UpdateForm updateForm = new UpdateForm(f.incidents());
        ReminderButtons reminderButtons = new ReminderButtons(f.reminders(), f.directory(), updateForm, slack.gateway(),
                slack.afterAck(), new SlackTimes(config.teamZone()));
        TimelineReply timelineReply = new TimelineReply(new KeyTimeline(f.database()), config.teamZone());
        return new SlackHandlers(slack.app())
                .command(IncidentCommand.NAME, new IncidentCommand(f.incidents(), slack.replies(), modal,
                        slack.gateway(), slack.afterAck(), timelineReply, new DutyCommand(f.duty().duty()),
                        new PagerDutyCommand(f.pagerDuty().client(), f.directory()),
                        new PageCommand(f.paging(), f.pagerDuty().client().isPresent(),
                                f.pagerDuty().settings().serviceId()), followUps,
                        new DigestCommand(f.digest().facts(), f.digest().ledger(), clock,
                                People.storedNames(f.database())), slack.ackWindow(),
                        new PremortemCommands(f.premortems().premortems(), f.premortems().risks(), f.premortems().links(),
                                f.directory()), f.premortems().links()))
                .blockAction(PremortemOfferMessage.LINK_ACTION, new PremortemLinkButton(f.premortems().links(),
                        f.directory(), slack.afterAck()))
                .blockAction(FollowUpCommands.DONE_ACTION, new ActionItemButton(followUps, slack.afterAck()))
                .viewSubmission(DeclareModal.CALLBACK_ID, modal)
                .blockAction(IncidentCard.STATUS_ACTION, cardActions.status())
                .blockAction(IncidentCard.RESOLVE_ACTION, cardActions.resolve())
                .blockAction(IncidentCard.CLOSE_ACTION, cardActions.close())
                .messageShortcut(DeclareShortcut.CALLBACK_ID, new DeclareShortcut(modal, slack.gateway(),
                        slack.afterAck()))
                .messageShortcut(AddToTimelineShortcut.CALLBACK_ID,
                        new AddToTimelineShortcut(f.incidents(), slack.afterAck()))
                .events(timelineEvents::register)
                .blockAction(HandOffButton.ACCEPT_ACTION, new HandOffButton(f.duty().handOffs(), f.incidents(),
                        f.directory(), slack.afterAck()))
                .blockAction(ReminderMessage.POST_UPDATE_ACTION, reminderButtons.postUpdate())
                .blockAction(ReminderMessage.SNOOZE_ACTION, reminderButtons.snooze())
                .viewSubmission(UpdateForm.CALLBACK_ID, updateForm)
                .event(AppHomeOpenedEvent.class, f.appHome())
                .acknowledgeUnknownMessageSubtypes()
                .surface();
    }
}
