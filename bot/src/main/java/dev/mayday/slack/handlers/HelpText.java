package dev.mayday.slack.handlers;

import dev.mayday.text.UserText;

/** The answer to {@code /incident help}, and the tail of every "I did not understand" reply. */
final class HelpText {

    static final String COMMANDS = """
            *Mayday — incident commands*
            • `/incident` — open the declare form
            • `/incident declare [--drill] [--private] [sev1-4] <title>` — declare an incident (default sev3); a new \
            channel is created (a private one with `--private`, never announced); `--drill` runs a practice incident \
            in a `drill-` channel that pages nobody
            • `/incident duty list [--history]|join|leave|add|remove|away|back` — the duty rotation that picks leads
            • `/incident digest` — preview this week's learnings digest (`digest last`: the last one posted)
            • `/incident premortem [--private] <the change>` — open a pre-mortem of a risky change in a `pre-` channel
            In a pre-mortem channel:
            • `/incident risk <text> [@owner]` — record a risk (or react with :pushpin: to a message)
            • `/incident mitigate <risk number> <text>` — record how a risk is mitigated
            • `/incident rollback <text>` — how the change is undone, and how long that takes
            • `/incident premortem close` — close it; its summary is posted as a file
            In an incident channel:
            • `/incident sev <1-4>` — change the severity
            • `/incident status <investigating|identified|monitoring>` — move the status
            • `/incident update <text>` — post a status update
            • `/incident lead @someone` — hand the lead over
            • `/incident note <text>` — add a note to the timeline
            • `/incident timeline` — show the key events so far (only to you); react with :pushpin: to a message to add it
            • `/incident page @someone [message]` — page them through PagerDuty (or `page <PagerDuty service>`)
            • `/incident pd` — the linked PagerDuty incident's state and link; `pd link <id or URL>` links one
            • `/incident resolve [summary]` — mark it resolved (and its PagerDuty incident)
            • `/incident close` — close it (after resolve); the post-mortem draft is posted as a file
            • `/incident action <text> [@owner]` — record an action item; `/incident actions` lists them
            • `/incident learned <text>` — record a learning for the post-mortem and the digest
            • `/incident postmortem` — write a new version of the post-mortem draft
            • `/incident link premortem <id> [risk <n>] [rollback]` — link the pre-mortem that foresaw it (the risk \
            that happened, whether its rollback plan was used)
            • `/incident help` — this list""";

    private HelpText() {
    }

    static String unknown(String subcommand) {
        return "I don't know `/incident " + UserText.inert(subcommand) + "`.\n" + COMMANDS;
    }
}
