package dev.mayday.slack.handlers;

import dev.mayday.incident.Incident;
import dev.mayday.incident.IncidentDirectory;
import dev.mayday.incident.IncidentRuleViolation;
import dev.mayday.premortem.Premortem;
import dev.mayday.premortem.PremortemLink;
import dev.mayday.premortem.PremortemLinks;
import dev.mayday.premortem.PremortemRisks;
import dev.mayday.premortem.Premortems;
import dev.mayday.premortem.Risk;
import dev.mayday.slack.views.Mentions;
import dev.mayday.text.UserText;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code /incident premortem <the change>} and {@code premortem close}; in a pre-mortem's channel {@code risk},
 * {@code mitigate} and {@code rollback}; in an incident's channel {@code link premortem <id> [risk <n>] [rollback]}.
 * Every answer is private; a mistake changes nothing.
 */
public final class PremortemCommands {

    private static final Pattern LINK = Pattern.compile(
            "(?i)premortem\\s+#?(\\d{1,9})(?:\\s+risk\\s+#?(\\d{1,9}))?(\\s+rollback)?\\s*");
    /** A risk's text and its last word, which names the owner when it is a mention. */
    private static final Pattern LAST_WORD = Pattern.compile("(.*\\S)\\s+(\\S+)", Pattern.DOTALL);
    private static final Pattern MITIGATE = Pattern.compile("#?(\\d{1,9})(?:\\s+(.*))?", Pattern.DOTALL);

    private final Premortems premortems;
    private final PremortemRisks risks;
    private final PremortemLinks links;
    private final IncidentDirectory directory;

    public PremortemCommands(Premortems premortems, PremortemRisks risks, PremortemLinks links,
                             IncidentDirectory directory) {
        this.premortems = premortems;
        this.risks = risks;
        this.links = links;
        this.directory = directory;
    }

    String premortem(String channel, String user, String rest, String requestKey) {
        String text = rest.strip();
        if (text.equalsIgnoreCase("close")) {
            Premortem closed = premortems.close(channel, user);
            return ":crystal_ball: Pre-mortem #" + closed.id() + " is closed: its summary is being written into this "
                    + "channel as a file.";
        }
        boolean isPrivate = false;
        String change = text;
        while (change.startsWith("--")) {
            String option = change.split("\\s+", 2)[0];
            if (!option.equalsIgnoreCase("--private")) {
                throw new IncidentRuleViolation("I don't know `" + UserText.inert(option) + "`: the one option of "
                        + "`/incident premortem` is `--private`. Nothing was opened.");
            }
            isPrivate = true;
            change = change.substring(option.length()).strip();
        }
        Premortems.Opened opened = premortems.open(change, user, requestKey, isPrivate);
        Premortem premortem = opened.premortem();
        if (!opened.isNew()) {
            return "That was already opened as pre-mortem #" + premortem.id() + ".";
        }
        return ":crystal_ball: Opening pre-mortem #" + premortem.id() + ": *" + UserText.inert(premortem.change())
                + "*. Its " + (isPrivate ? "private " : "") + "channel is on its way and you will be invited.";
    }

    String risk(String channel, String user, String rest) {
        String text = rest.strip();
        Matcher last = LAST_WORD.matcher(text);
        Optional<String> owner = last.matches() ? Mentions.userId(last.group(2)) : Optional.empty();
        String what = owner.isPresent() ? last.group(1).strip() : text;
        Risk risk = risks.add(channel, user, what, owner);
        return ":warning: Risk " + risk.number() + " recorded" + owner.map(o -> " for " + Mentions.of(o))
                .orElse(" (no owner yet: add `@someone` at the end)") + ". `/incident mitigate " + risk.number()
                + " <text>` says how it is mitigated.";
    }

    String mitigate(String channel, String rest) {
        Matcher m = MITIGATE.matcher(rest.strip());
        if (!m.matches()) {
            premortems.openIn(channel, "mitigate");
            throw new IncidentRuleViolation("Say which risk and how: `/incident mitigate <risk number> <text>`, "
                    + "e.g. `/incident mitigate 2 feature flag to switch back`.");
        }
        Risk risk = risks.mitigate(channel, Integer.parseInt(m.group(1)), m.group(2) == null ? "" : m.group(2));
        return ":shield: Risk " + risk.number() + " has a mitigation" + (risk.owner().isEmpty()
                ? " (still no owner: `/incident risk` with `@someone` names one)." : ".");
    }

    String rollback(String channel, String rest) {
        Premortem premortem = premortems.rollback(channel, rest);
        return ":leftwards_arrow_with_hook: Rollback plan of pre-mortem #" + premortem.id() + " recorded.";
    }

    String link(String channel, String user, String rest) {
        Matcher m = LINK.matcher(rest.strip());
        if (!m.matches()) {
            throw new IncidentRuleViolation("Link this incident to a pre-mortem with `/incident link premortem <id> "
                    + "[risk <n>] [rollback]`: `risk <n>` marks the risk that happened, `rollback` that its rollback "
                    + "plan was used.");
        }
        Incident incident = directory.byChannel(channel).orElseThrow(() -> new IncidentRuleViolation(
                "`/incident link premortem` works in an incident's channel."));
        OptionalInt happened = m.group(2) == null ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(m.group(2)));
        PremortemLink link = links.link(incident.id(), Long.parseLong(m.group(1)), happened, m.group(3) != null, user);
        return linked(incident.id(), link);
    }

    static String linked(long incidentId, PremortemLink link) {
        return ":link: Incident #" + incidentId + " is linked to pre-mortem #" + link.premortem().id() + " *"
                + UserText.inert(link.premortem().change()) + "*"
                + (link.happenedRisk().isPresent() ? ": risk " + link.happenedRisk().getAsInt() + " happened"
                : ". In the incident's channel, `/incident link premortem " + link.premortem().id()
                + " risk <n>` marks the risk that happened")
                + (link.rollbackUsed() ? ", and its rollback plan was used." : ".")
                + " The post-mortem draft lists its risks under *Foreseen?*.";
    }
}
