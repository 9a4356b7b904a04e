package dev.mayday.premortem;

import dev.mayday.db.Database;
import dev.mayday.db.StoreException;
import dev.mayday.db.premortem.PremortemLinkRow;
import dev.mayday.incident.IncidentRuleViolation;
import dev.mayday.outbox.PremortemOffer;
import dev.mayday.outbox.Publications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Incidents and the pre-mortems that foresaw them: offered at declaration (open or recent pre-mortems whose words
 * match the title), linked by a button or {@code /incident link premortem <id> [risk <n>] [rollback]}.
 */
public final class PremortemLinks {

    private static final Logger log = LoggerFactory.getLogger(PremortemLinks.class);

    /** A pre-mortem closed this long ago still counts as recent. */
    static final Duration RECENT = Duration.ofDays(30);

    private final Database database;
    private final Clock clock;
    /** Wakes the outbox after a commit that queued something (it must not block). */
    private final Runnable queued;

    public PremortemLinks(Database database, Clock clock, Runnable queued) {
        this.database = database;
        this.clock = clock;
        this.queued = queued;
    }

    /**
     * The open or recent public pre-mortems whose change shares a word with the title, newest first. A private one is
     * never offered: the offer would tell a declarer who may not be in it what change it is about.
     */
    public List<Premortem> matching(String title) {
        long since = clock.instant().minus(RECENT).toEpochMilli();
        return database.read(store -> store.premortems().openOrClosedSince(since)).stream().map(Premortem::of)
                .filter(p -> !p.isPrivate()).filter(p -> SharedWords.match(title, p.change())).limit(5).toList();
    }

    /**
     * Queues the private offer to the declarer of a new incident, once, when a pre-mortem matches its title. It runs
     * after the declaration committed, so a store failure here is logged and never turns the declaration's answer into
     * "nothing was changed" (a retry would declare the incident again).
     */
    public boolean offer(long incidentId, String title, String declaredBy) {
        try {
            List<Long> ids = matching(title).stream().map(Premortem::id).toList();
            if (ids.isEmpty() || declaredBy == null) {
                return false;
            }
            PremortemOffer offer = new PremortemOffer(incidentId, declaredBy, ids);
            boolean offered = database.inTransaction(store -> Publications.enqueueOnce(store, offer,
                    offer.uniqueKey(), clock.instant()));
            queued.run();
            return offered;
        } catch (StoreException e) {
            log.warn("Incident #{} was declared, but its pre-mortem offer could not be queued: {}", incidentId,
                    e.getMessage());
            return false;
        }
    }

    /**
     * Links the incident to the pre-mortem (a later link replaces it): which risk happened, whether rollback was used.
     * A private pre-mortem is linked only by whoever opened it, and only to a private incident (its risks go into the
     * incident's post-mortem draft); to anyone else it does not exist.
     */
    public PremortemLink link(long incidentId, long premortemId, OptionalInt happened, boolean rollbackUsed, String user) {
        return database.inTransaction(store -> {
            Premortem premortem = store.premortems().byId(premortemId).map(Premortem::of)
                    .filter(p -> !p.isPrivate() || p.openedBy().equals(user)).orElseThrow(() ->
                            new IncidentRuleViolation("There is no pre-mortem #" + premortemId + "."));
            boolean privateIncident = store.incidents().byId(incidentId).map(i -> i.isPrivate()).orElse(false);
            if (premortem.isPrivate() && !privateIncident) {
                throw new IncidentRuleViolation("Pre-mortem #" + premortemId + " is private: it can only be linked to "
                        + "a private incident, so its risks stay out of a public post-mortem draft.");
            }
            List<Risk> risks = store.premortems().risks(premortemId).stream().map(Risk::of).toList();
            if (happened.isPresent() && risks.stream().noneMatch(r -> r.number() == happened.getAsInt())) {
                throw new IncidentRuleViolation("Pre-mortem #" + premortemId + " has no risk " + happened.getAsInt()
                        + (risks.isEmpty() ? ": it recorded none." : ": its risks are numbered 1 to " + risks.size() + "."));
            }
            store.premortems().link(new PremortemLinkRow(incidentId, premortemId,
                    happened.isPresent() ? happened.getAsInt() : null, rollbackUsed, user, clock.millis()));
            return new PremortemLink(premortem, risks, happened, rollbackUsed);
        });
    }

    public Optional<PremortemLink> of(long incidentId) {
        return database.read(store -> linkIn(store, incidentId));
    }

    /** The link of an incident read inside the caller's unit of work (the post-mortem draft's). */
    public static Optional<PremortemLink> linkIn(Database.Store store, long incidentId) {
        return store.premortems().linkOf(incidentId).flatMap(link -> store.premortems().byId(link.premortemId())
                .map(row -> new PremortemLink(Premortem.of(row),
                        store.premortems().risks(row.id()).stream().map(Risk::of).toList(),
                        link.happenedRisk() == null ? OptionalInt.empty() : OptionalInt.of(link.happenedRisk()),
                        link.rollbackUsed())));
    }
}
