package dev.mayday.incident;

import dev.mayday.db.Database;
import dev.mayday.db.incident.IncidentRow;
import dev.mayday.outbox.ChangePosted;
import dev.mayday.outbox.ChannelSetUp;
import dev.mayday.outbox.PostmortemRequested;
import dev.mayday.outbox.Publications;
import dev.mayday.outbox.StakeholderUpdate;
import dev.mayday.timeline.TimelineEntry;
import dev.mayday.timeline.TimelineKind;
import dev.mayday.timeline.TimelineRows;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Declares incidents and applies every change to them. Each operation reads, checks the rules and writes in one
 * IMMEDIATE transaction, so two people acting at once see a consistent incident. The same transaction puts the
 * change in the outbox, so it cannot be committed without also being queued for publication; the notifier is
 * nudged only after the commit.
 */
public final class IncidentService {

    private final Database database;
    private final Clock clock;
    private final IncidentNotifier notifier;
    private final LeadPicker leads;

    /** Without a rotation: the declarer leads every incident they declare. */
    public IncidentService(Database database, Clock clock, IncidentNotifier notifier) {
        this(database, clock, notifier, LeadPicker.declarerLeads());
    }

    public IncidentService(Database database, Clock clock, IncidentNotifier notifier, LeadPicker leads) {
        this.database = database;
        this.clock = clock;
        this.notifier = notifier;
        this.leads = leads;
    }

    /**
     * Declares in a unit of work of its own, under row locks (READ COMMITTED on PostgreSQL): its only read-then-write
     * is the rotation pick, which takes its lock first, and the origin key and the keys of the rows it queues are
     * unique in the store. Under SERIALIZABLE, declares at once (each queues the App Home refresh of the same lead)
     * collided on those keys and ran again until the store gave up, after the request may have been answered.
     */
    public Declared declare(Declaration declaration) {
        Declared declared = database.inTransactionUnderRowLocks(store -> declareIn(store, declaration));
        if (declared.isNew()) {
            notifier.declared(declared.incident());
        }
        return declared;
    }

    /** The declaration inside the caller's transaction (the pager declares while handling a delivery). */
    public Declared declareIn(Database.Store store, Declaration declaration) {
        Optional<IncidentRow> earlier = store.incidents().byOriginKey(declaration.originKey());
        if (earlier.isPresent()) {
            return new Declared(IncidentRows.toIncident(earlier.get()), false);
        }
        Instant now = clock.instant();
        Incident draft = new Incident(0, declaration.title(), declaration.summary(), declaration.severity(),
                Status.INVESTIGATING, declaration.isPrivate(), declaration.isPractice(),
                IncidentPeople.declarerLeads(declaration.declaredBy()), IncidentTimes.declared(now), null,
                IncidentPlace.declaredFrom(declaration.originChannel()));
        // stored and read back in one statement; the read by origin key above stays first, because an insert that
        // ON CONFLICT skips would still use up an incident number (AUTOINCREMENT)
        Optional<IncidentRow> insertedNow = store.incidents().insertedIfNew(
                IncidentRows.toRow(draft, declaration.originKey(), now));
        if (insertedNow.isEmpty()) {
            // the same declaration committed by another request since the read above (READ COMMITTED): that one
            return new Declared(IncidentRows.toIncident(store.incidents().byOriginKey(declaration.originKey())
                    .orElseThrow()), false);
        }
        IncidentRow inserted = insertedNow.get();
        Incident stored = IncidentRows.toIncident(inserted);
        // in the same transaction: the lead is chosen and the incident stored together, or neither
        Assignment assignment = leads.pick(store, stored.id(), now, stored.severity(), declaration.declaredBy());
        Incident incident = stored.assigned(assignment.lead(), assignment.responder(), assignment.reason());
        if (!incident.equals(stored)) {
            store.incidents().updateState(IncidentRows.toRow(incident, null, now));
        }
        store.timeline().insert(TimelineRows.toRow(TimelineEntry.key(incident.id(), now, TimelineKind.DECLARED,
                declaration.declaredBy(), incident.severity().label() + " " + incident.title())));
        Publications.enqueue(store, new ChannelSetUp(incident.id()), now);
        HomeRefreshRule.declared(store, incident, now);
        return new Declared(incident, true);
    }

    public IncidentChange changeSeverity(String channelId, String actor, Severity severity) {
        return apply(channelId, actor, incident -> {
            requireOpen(incident);
            if (incident.severity() == severity) {
                throw new IncidentRuleViolation("The incident is already " + severity.label() + ".");
            }
            return new Step(incident.withSeverity(severity), TimelineKind.SEVERITY_CHANGED,
                    incident.severity().label() + " → " + severity.label());
        });
    }

    /** Moves among the active statuses (or reopens); resolving and closing have their own operations and times. */
    public IncidentChange changeStatus(String channelId, String actor, Status status) {
        if (!status.isActive()) {
            throw new IncidentRuleViolation("Use resolve or close to move an incident to " + status.label().toLowerCase() + ".");
        }
        return apply(channelId, actor, incident -> {
            requireOpen(incident);
            if (incident.status() == status) {
                throw new IncidentRuleViolation("The incident is already " + status.label().toLowerCase() + ".");
            }
            if (!incident.status().canMoveTo(status)) {
                throw new IncidentRuleViolation("An incident that is " + incident.status().label().toLowerCase()
                        + " cannot move to " + status.label().toLowerCase() + ".");
            }
            return new Step(incident.movedTo(status), TimelineKind.STATUS_CHANGED,
                    incident.status().label() + " → " + status.label());
        });
    }

    public IncidentChange changeLead(String channelId, String actor, String newLead) {
        return applyWithStore(channelId, actor, (store, incident) -> {
            requireOpen(incident);
            if (incident.lead().equals(newLead)) {
                throw new IncidentRuleViolation("They are already leading this incident.");
            }
            leads.handedOff(store, incident.id(), incident.lead(), newLead, clock.instant());
            return new Step(incident.handedTo(newLead), TimelineKind.LEAD_CHANGED, newLead);
        });
    }

    public IncidentChange postUpdate(String channelId, String actor, String text) {
        return apply(channelId, actor, incident -> {
            requireOpen(incident);
            return new Step(incident, TimelineKind.UPDATE_POSTED, requireText(text, "update"));
        });
    }

    public IncidentChange addNote(String channelId, String actor, String text) {
        return apply(channelId, actor, incident -> {
            requireOpen(incident);
            return new Step(incident, TimelineKind.NOTE_ADDED, requireText(text, "note"));
        });
    }

    public IncidentChange resolve(String channelId, String actor, String summary) {
        return apply(channelId, actor, incident -> {
            requireOpen(incident);
            if (incident.status() == Status.RESOLVED) {
                throw new IncidentRuleViolation("The incident is already resolved. Close it with `/incident close`.");
            }
            String resolution = summary == null || summary.isBlank() ? null : summary.strip();
            return new Step(incident.resolved(clock.instant(), resolution), TimelineKind.RESOLVED,
                    resolution == null ? "Resolved" : resolution);
        });
    }

    public IncidentChange close(String channelId, String actor) {
        return apply(channelId, actor, incident -> {
            requireOpen(incident);
            if (incident.status() != Status.RESOLVED) {
                throw new IncidentRuleViolation("Resolve the incident first with `/incident resolve [summary]`; "
                        + "close comes after.");
            }
            return new Step(incident.closed(clock.instant()), TimelineKind.CLOSED, "Closed");
        });
    }

    /**
     * Marks a message as a key event. The key is the message itself, so pinning it twice (a retried delivery, two
     * people at once) stores it once. Returns whether this call stored it.
     */
    public boolean addToTimeline(String channelId, String actor, String messageTs, String text) {
        return database.inTransaction(store -> {
            Incident incident = store.incidents().byChannel(channelId).map(IncidentRows::toIncident)
                    .orElseThrow(IncidentService::notAnIncidentChannel);
            TimelineEntry entry = new TimelineEntry(incident.id(), clock.instant(), TimelineKind.PINNED, actor,
                    text, true, messageTs, "pin:" + channelId + ":" + messageTs);
            return store.timeline().insert(TimelineRows.toRow(entry)) == 1;
        });
    }

    /**
     * Asks for the post-mortem draft again (closing a closed incident does the same): a new version replaces the
     * one in the channel. Refused while the incident is still active.
     */
    public long regeneratePostmortem(String channelId, String actor) {
        long incidentId = database.inTransaction(store -> {
            Incident incident = store.incidents().byChannel(channelId).map(IncidentRows::toIncident)
                    .orElseThrow(IncidentService::notAnIncidentChannel);
            if (incident.status().isActive()) {
                throw new IncidentRuleViolation("The post-mortem draft comes once the incident is resolved: "
                        + "`/incident resolve [summary]` first.");
            }
            Publications.enqueue(store, new PostmortemRequested(incident.id(), actor), clock.instant());
            return incident.id();
        });
        notifier.queued(incidentId);
        return incidentId;
    }

    /** Closes a resolved incident; on an incident closed already, regenerates its post-mortem draft instead. */
    public boolean closeOrRegenerate(String channelId, String actor) {
        boolean closed = database.read(store -> store.incidents().byChannel(channelId))
                .map(row -> Status.valueOf(row.status()) == Status.CLOSED).orElse(false);
        if (closed) {
            regeneratePostmortem(channelId, actor);
            return false;
        }
        close(channelId, actor);
        return true;
    }

    private IncidentChange apply(String channelId, String actor, Rule rule) {
        return applyWithStore(channelId, actor, (store, before) -> rule.apply(before));
    }

    private IncidentChange applyWithStore(String channelId, String actor, StoreRule rule) {
        IncidentChange change = database.inTransaction(store -> {
            Incident before = store.incidents().byChannel(channelId).map(IncidentRows::toIncident)
                    .orElseThrow(IncidentService::notAnIncidentChannel);
            return changeIn(store, before, actor, rule.apply(store, before), false);
        });
        notifier.changed(change);
        return change;
    }

    /** A change the pager reported, in the caller's transaction: never sent back to it, never the lead acting. */
    public IncidentChange pagerChangeIn(Database.Store store, Incident before, String actor, Step step) {
        return changeIn(store, before, actor, step, true);
    }

    /**
     * Stores one change inside the caller's transaction: the incident, its timeline entry, and its publications.
     * What the pager must hear of a change made here is queued by {@link PagerRules}; a change that came from the pager
     * is not sent back to it.
     */
    private IncidentChange changeIn(Database.Store store, Incident before, String actor, Step step, boolean fromPager) {
        Instant now = clock.instant();
        Incident after = fromPager ? step.after() : acknowledgedIfLeadActs(before, step.after(), actor, now);
        store.incidents().updateState(IncidentRows.toRow(after, null, now));
        TimelineEntry entry = TimelineEntry.key(before.id(), now, step.kind(), actor, step.text());
        store.timeline().insert(TimelineRows.toRow(entry));
        Publications.enqueue(store, new ChangePosted(before.id(), entry.kind(), actor, entry.text()), now);
        HomeRefreshRule.changed(store, before, after, now);
        if (entry.kind() == TimelineKind.CLOSED) {
            Publications.enqueue(store, new PostmortemRequested(before.id(), actor), now);
        }
        if (entry.kind() == TimelineKind.UPDATE_POSTED && !after.isPrivate()) {
            Publications.enqueue(store, new StakeholderUpdate(before.id(), entry.text(), now.toEpochMilli()), now);
        }
        if (!fromPager) {
            PagerRules.queue(store, before, after, entry, now);
        }
        return new IncidentChange(before, after, entry);
    }

    /** The incident counts as acknowledged at the first thing its lead does to it. */
    private static Incident acknowledgedIfLeadActs(Incident before, Incident after, String actor, Instant now) {
        if (before.times().acknowledgedAt() != null || !before.lead().equals(actor)) {
            return after;
        }
        return after.acknowledged(now);
    }

    private static void requireOpen(Incident incident) {
        if (incident.status() == Status.CLOSED) {
            throw new IncidentRuleViolation("This incident is closed. Follow-ups belong in its post-mortem.");
        }
    }

    private static String requireText(String text, String what) {
        if (text == null || text.isBlank()) {
            throw new IncidentRuleViolation("The " + what + " is empty: add some text, e.g. `/incident " + what
                    + " Rolled back the deploy`.");
        }
        return text.strip();
    }

    private static IncidentRuleViolation notAnIncidentChannel() {
        return new IncidentRuleViolation("This is not an incident channel. Run this in the incident's own channel, "
                + "or declare one with `/incident declare [sev1-4] <title>`.");
    }

    @FunctionalInterface
    private interface Rule {
        Step apply(Incident before);
    }

    /** A rule that also writes inside the change's transaction. */
    @FunctionalInterface
    private interface StoreRule {
        Step apply(Database.Store store, Incident before);
    }

    /** What a rule decided: the incident after the change, and how the timeline records it. */
    public record Step(Incident after, TimelineKind kind, String text) {
    }
}
