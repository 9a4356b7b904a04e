package dev.mayday;

import dev.mayday.db.Database;
import dev.mayday.digest.DigestFactsLoader;
import dev.mayday.digest.DigestLedger;
import dev.mayday.digest.DigestSettings;
import dev.mayday.digest.StoreOrigin;

import java.time.Clock;

/** The weekly learnings digest: its facts, and its ledger of weeks posted. */
final class DigestWiring {

    private final DigestConfig settings;
    private final DigestLedger ledger;
    private final DigestFactsLoader facts;

    DigestWiring(Config config, Database database, Clock clock) {
        // this start is evidence the store exists now, on the clock that decides which week is due
        new StoreOrigin(database).existedAt(clock.instant());
        this.settings = config.digest();
        this.ledger = new DigestLedger(database, clock);
        this.facts = new DigestFactsLoader(database, config.teamZone(),
                DigestSettings.defaults().withBudgetHours(settings.budgetHours()));
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
}
