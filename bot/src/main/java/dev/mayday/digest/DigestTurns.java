package dev.mayday.digest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Decides, at start-up and at each slot, what the digest poster should do now: post the due week (it just claimed it),
 * reconcile a stale intent (it just took it over: look for the tagged message before posting), or nothing (posted
 * already, or another poster holds a fresh intent).
 */
public final class DigestTurns {

    private final DigestSchedule schedule;
    private final DigestLedger ledger;
    private final Clock clock;
    private final Duration staleAfter;

    /** {@code staleAfter}: how old an unrecorded intent must be before it is taken over (longer than a post takes). */
    public DigestTurns(DigestSchedule schedule, DigestLedger ledger, Clock clock, Duration staleAfter) {
        this.schedule = schedule;
        this.ledger = ledger;
        this.clock = clock;
        this.staleAfter = staleAfter;
    }

    public Turn next() {
        Instant now = clock.instant();
        IsoWeek due = schedule.dueAt(now);
        if (ledger.claim(due)) {
            return new Turn(Action.POST, due, ledger.state(due));
        }
        if (ledger.state(due).map(DigestRecord::isPosted).orElse(false)) {
            return new Turn(Action.NOTHING, due, ledger.state(due));
        }
        if (ledger.takeOver(due, staleAfter)) {
            return new Turn(Action.RECONCILE, due, ledger.state(due));
        }
        return new Turn(Action.NOTHING, due, ledger.state(due));
    }

    /** What to do, for which week, and the week's record (its {@code intentAt} bounds the search when reconciling). */
    public record Turn(Action action, IsoWeek week, Optional<DigestRecord> record) {
    }

    public enum Action {
        POST, RECONCILE, NOTHING
    }
}
