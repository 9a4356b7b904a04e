package dev.mayday;

import dev.mayday.db.Database;
import dev.mayday.premortem.PremortemLinks;
import dev.mayday.premortem.PremortemRisks;
import dev.mayday.premortem.Premortems;

import java.time.Clock;

/** Pre-mortems: opening and closing them, their risks, and their links to the incidents they foresaw. */
final class PremortemWiring {

    private final Premortems premortems;
    private final PremortemRisks risks;
    private final PremortemLinks links;

    /** {@code queued} wakes the outbox after a change queued something for Slack. */
    PremortemWiring(Database database, Clock clock, Runnable queued) {
        this.premortems = new Premortems(database, clock, queued);
        this.risks = new PremortemRisks(database, premortems, clock, queued);
        this.links = new PremortemLinks(database, clock, queued);
    }

    Premortems premortems() {
        return premortems;
    }

    PremortemRisks risks() {
        return risks;
    }

    PremortemLinks links() {
        return links;
    }
}
