package dev.mayday.slack.handlers;

import com.slack.api.model.block.LayoutBlock;
import dev.mayday.digest.Digest;
import dev.mayday.digest.DigestFactsLoader;
import dev.mayday.digest.DigestLedger;
import dev.mayday.digest.DigestRecord;
import dev.mayday.digest.IsoWeek;
import dev.mayday.incident.IncidentRuleViolation;
import dev.mayday.postmortem.PersonNames;
import dev.mayday.slack.views.DigestBlocks;

import java.time.Clock;
import java.util.List;

/**
 * {@code /incident digest}: this week so far, as a preview only the asker sees; {@code digest last}: the last one posted.
 * People are named from the store alone: an answer in the request path never waits on Slack.
 */
public final class DigestCommand {

    private final DigestFactsLoader facts;
    private final DigestLedger ledger;
    private final Clock clock;
    private final PersonNames names;

    public DigestCommand(DigestFactsLoader facts, DigestLedger ledger, Clock clock, PersonNames names) {
        this.facts = facts;
        this.ledger = ledger;
        this.clock = clock;
        this.names = names;
    }

    public List<LayoutBlock> handle(String args) {
        String word = args == null ? "" : args.strip();
        IsoWeek week;
        if (word.isEmpty() || word.equals("preview")) {
            week = IsoWeek.containing(clock.instant(), facts.zone());
        } else if (word.equals("last")) {
            week = ledger.lastPosted().map(DigestRecord::week).orElseThrow(() -> new IncidentRuleViolation(
                    "No digest has been posted yet. `/incident digest` previews this week so far."));
        } else {
            throw new IncidentRuleViolation("Use `/incident digest` for this week so far, or `/incident digest last`.");
        }
        return DigestBlocks.of(Digest.build(facts.load(week, clock.instant())).toSlackMarkdown(names));
    }
}
