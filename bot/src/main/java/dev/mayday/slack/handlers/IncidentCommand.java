package dev.mayday.slack.handlers;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.handler.builtin.SlashCommandHandler;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import dev.mayday.incident.Declaration;
import dev.mayday.incident.Declared;
import dev.mayday.incident.IncidentRuleViolation;
import dev.mayday.incident.IncidentService;
import dev.mayday.incident.Severity;
import dev.mayday.incident.Status;
import dev.mayday.premortem.PremortemLinks;
import dev.mayday.slack.api.ResponseUrls;
import dev.mayday.slack.api.SlackGateway;
import dev.mayday.slack.delivery.DeclarationReplies;
import dev.mayday.slack.requests.AckWindow;
import dev.mayday.slack.requests.AfterAck;
import dev.mayday.slack.requests.CommandReply;
import dev.mayday.slack.requests.UserFacingErrors;
import dev.mayday.slack.views.Mentions;
import dev.mayday.text.UserText;

import java.util.Locale;
import java.util.Map;

/**
 * {@code /incident}: checks and stores synchronously (a local SQLite write takes milliseconds), acknowledges, and
 * leaves every Slack Web API call to {@link AfterAck}. When the store is slow (a storm of declarations queued for
 * their turn to write), the {@link AckWindow} acknowledges in time with an interim word and the answer follows.
 */
public final class IncidentCommand implements SlashCommandHandler {

    public static final String NAME = "/incident";

    private final IncidentService incidents;
    private final DeclarationReplies replies;
    private final DeclareModal modal;
    private final SlackGateway slack;
    private final AfterAck afterAck;
    private final TimelineReply timeline;
    private final DutyCommand duty;
    private final PagerDutyCommand pagerDuty;
    private final PageCommand page;
    private final FollowUpCommands followUps;
    private final DigestCommand digest;
    private final AckWindow ackWindow;
    private final PremortemCommands premortems;
    private final PremortemLinks premortemLinks;

    public IncidentCommand(IncidentService incidents, DeclarationReplies replies, DeclareModal modal,
                           SlackGateway slack, AfterAck afterAck, TimelineReply timeline, DutyCommand duty,
                           PagerDutyCommand pagerDuty, PageCommand page, FollowUpCommands followUps,
                           DigestCommand digest, AckWindow ackWindow, PremortemCommands premortems,
                           PremortemLinks premortemLinks) {
        this.incidents = incidents;
        this.replies = replies;
        this.modal = modal;
        this.slack = slack;
        this.afterAck = afterAck;
        this.timeline = timeline;
        this.duty = duty;
        this.pagerDuty = pagerDuty;
        this.page = page;
        this.followUps = followUps;
        this.digest = digest;
        this.ackWindow = ackWindow;
        this.premortems = premortems;
        this.premortemLinks = premortemLinks;
    }

    @Override
    public Response apply(SlashCommandRequest request, SlashCommandContext ctx) {
        SlashCommandPayload payload = request.getPayload();
        if (isBlank(payload.getUserId()) || isBlank(payload.getChannelId())) {
            // Slack always says who typed the command and where; without that nothing can be attributed
            return Response.json(400, Map.of("error", "malformed slash command: user_id and channel_id are required"));
        }
        CommandText command = CommandText.parse(payload.getText());
        String what = "`/incident " + UserText.inert(command.subcommand()) + "`";
        CommandReply reply = ackWindow.answer(() -> reply(command, payload, ctx),
                CommandReply.text(":hourglass_flowing_sand: Mayday is busier than usual and is still saving " + what
                        + ". I'll answer here as soon as it is done: no need to send it again."),
                late -> ResponseUrls.send(() -> late.respond(ctx, ":white_check_mark: Done: " + what + ".")));
        return reply.ack(ctx);
    }

    /** The answer to the command, failures included: never throws. */
    private CommandReply reply(CommandText command, SlashCommandPayload payload, SlashCommandContext ctx) {
        try {
            return dispatch(command, payload, ctx);
        } catch (RuntimeException e) {
            return CommandReply.text(UserFacingErrors.explain(ctx, e, "running `/incident " + command.subcommand() + "`"));
        }
    }

    private CommandReply dispatch(CommandText command, SlashCommandPayload p, SlashCommandContext ctx) {
        String channel = p.getChannelId();
        String user = p.getUserId();
        switch (command.subcommand()) {
            case "" -> {
                String triggerId = p.getTriggerId();
                afterAck.run("opening the declare form", () -> slack.openView(triggerId, modal.form(channel)));
                return CommandReply.none();
            }
            case "declare" -> {
                return declare(command.rest(), p, ctx);
            }
            case "help" -> {
                return CommandReply.text(HelpText.COMMANDS);
            }
            case "timeline" -> {
                return CommandReply.text(timeline.forChannel(channel));
            }
            case "duty" -> {
                return CommandReply.text(duty.handle(user, command.rest()));
            }
            case "digest" -> {
                return CommandReply.blocks(digest.handle(command.rest()));
            }
            case "action" -> {
                return CommandReply.text(followUps.addAction(channel, user, command.rest()));
            }
            case "actions" -> {
                return CommandReply.blocks(followUps.listActions(channel));
            }
            case "learned", "learning" -> {
                return CommandReply.text(followUps.addLearning(channel, user, command.rest()));
            }
            case "postmortem" -> {
                return CommandReply.text(followUps.regeneratePostmortem(channel, user));
            }
            case "close" -> {
                boolean closedNow = incidents.closeOrRegenerate(channel, user);
                return closedNow ? CommandReply.none() : CommandReply.text(":page_facing_up: Already closed: writing a "
                        + "new version of its post-mortem draft instead.");
            }
            case "premortem", "pre-mortem" -> {
                return CommandReply.text(premortems.premortem(channel, user, command.rest(), "command:" + p.getTriggerId()));
            }
            case "risk" -> {
                return CommandReply.text(premortems.risk(channel, user, command.rest()));
            }
            case "mitigate" -> {
                return CommandReply.text(premortems.mitigate(channel, command.rest()));
            }
            case "rollback" -> {
                return CommandReply.text(premortems.rollback(channel, command.rest()));
            }
            case "link" -> {
                return CommandReply.text(premortems.link(channel, user, command.rest()));
            }
            case "page" -> {
                return CommandReply.text(page.page(channel, user, command.rest()));
            }
            case "pd", "pagerduty" -> {
                if (command.shift().subcommand().equals("link")) {
                    return CommandReply.text(page.link(channel, command.shift().rest()));
                }
                String pagerId = pagerDuty.linkedIncident(channel);
                afterAck.run("looking up PagerDuty incident " + pagerId, () -> ResponseUrls.send(() -> ctx.respond(pagerDuty.describe(pagerId))));
                return CommandReply.text(":pager: Asking PagerDuty…");
            }
            case "sev", "severity" -> incidents.changeSeverity(channel, user, severity(command.rest()));
            case "status" -> incidents.changeStatus(channel, user, status(command.rest()));
            case "update" -> incidents.postUpdate(channel, user, command.rest());
            case "lead" -> incidents.changeLead(channel, user, mentionedUser(command.rest()));
            case "note" -> incidents.addNote(channel, user, command.rest());
            case "resolve" -> incidents.resolve(channel, user, command.rest());
            default -> {
                return CommandReply.text(HelpText.unknown(command.subcommand()));
            }
        }
        return CommandReply.none();
    }

    private CommandReply declare(String text, SlashCommandPayload p, SlashCommandContext ctx) {
        DeclareText words = DeclareText.parse(text);
        Declared declared = incidents.declare(new Declaration(words.title(), null, words.severity(), words.isPrivate(),
                words.isPractice(), p.getUserId(), "command:" + p.getTriggerId(), p.getChannelId()));
        long id = declared.incident().id();
        if (!declared.isNew()) {
            return CommandReply.text("That was already declared as incident #" + id + ".");
        }
        replies.whenReady(id, message -> ctx.respond(message));
        premortemLinks.offer(id, declared.incident().title(), p.getUserId());
        String what = words.isPractice() ? ":test_tube: Declaring practice incident #" : ":rotating_light: Declaring incident #";
        return CommandReply.text(what + id + " *" + UserText.inert(declared.incident().title())
                + "* (" + words.severity().label() + (words.isPrivate() ? ", private" : "")
                + (words.isPractice() ? ", a drill: nobody is paged" : "")
                + "). I'm opening its " + (words.isPrivate() ? "private " : "") + "channel now.");
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    private static Severity severity(String text) {
        return Severity.parse(text).orElseThrow(() -> new IncidentRuleViolation("`" + UserText.inert(text.strip())
                + "` is not a severity: use 1, 2, 3 or 4 (sev1 is the worst), e.g. `/incident sev 2`."));
    }

    private static Status status(String text) {
        String word = text.strip().toLowerCase(Locale.ROOT);
        if (word.equals("resolved")) {
            throw new IncidentRuleViolation("To resolve, use `/incident resolve [summary]`.");
        }
        if (word.equals("closed")) {
            throw new IncidentRuleViolation("To close, use `/incident close` (after resolving).");
        }
        return Status.parseActive(word).orElseThrow(() -> new IncidentRuleViolation("`" + UserText.inert(text.strip())
                + "` is not a status: use investigating, identified or monitoring."));
    }

    private static String mentionedUser(String text) {
        return Mentions.userId(text).orElseThrow(() -> new IncidentRuleViolation(
                "Mention the new lead, e.g. `/incident lead @alex`."));
    }
}
