package dev.mayday;

import dev.mayday.db.Database;
import dev.mayday.digest.DigestFactsLoader;
import dev.mayday.digest.DigestLedger;
import dev.mayday.digest.DigestSettings;
import dev.mayday.digest.DigestTurns;

import java.time.Clock;
import java.time.Duration;

/** The weekly learnings digest: its facts, its ledger of weeks posted, and whose turn the next post is. */
final class DigestWiring {

    /** Longer than posting a digest takes: an intent this old was cut short by a crash and is reconciled. */
    private static final Duration INTENT_STALE_AFTER = Duration.ofMinutes(10);

    private final DigestConfig settings;
    private final DigestLedger ledger;
    private final DigestFactsLoader facts;
    private final DigestTurns turns;

    DigestWiring(Config config, Database database, Clock clock) {
        this.settings = config.digest();
        this.ledger = new DigestLedger(database, clock);
        this.facts = new DigestFactsLoader(database, config.teamZone(),
                DigestSettings.defaults().withBudgetHours(settings.budgetHours()));
        this.turns = new DigestTurns(settings.schedule(), ledger, clock, INTENT_STALE_AFTER);
    }

    DigestConfig settings() {
        return settings;
    }

    DigestLedger ledger() {
        return ledger;
    }

    DigestFactsLoader facts() {
        return facts;
    }

    DigestTurns turns() {
        return turns;
    }
}
