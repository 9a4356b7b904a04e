package dev.mayday.incident;

import dev.mayday.db.Database;
import dev.mayday.db.pagerduty.EarlyNote;
import dev.mayday.outbox.PagerResponders;
import dev.mayday.outbox.Publications;
import dev.mayday.timeline.TimelineKind;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps incidents in step with the paging system. Each delivery is handled in one transaction under row locks (on
 * PostgreSQL READ COMMITTED, so a storm of webhooks is not refused for conflicts until PagerDuty is answered 503): the
 * events of one PagerDuty incident take turns ({@code TurnLock}) and the incident's row is locked before it is read,
 * so each reads what the one before it wrote. In that transaction its event id is
 * recorded (a repeat does nothing), an unknown pager incident is declared (one per pager incident, however often
 * or concurrently it is delivered), and the event is applied. State only moves forward: an event older than the
 * newest one applied is not allowed to change the status or severity; the newest event's priority is followed when
 * it differs from the one PagerDuty showed before, whichever event carries it.
 */
public final class PagerSync {

    /** The actor of changes that came from the pager; such changes are never sent back to it. */
    public static final String ACTOR = "PagerDuty";
    private static final int MAX_TITLE = Declaration.MAX_TITLE_LENGTH;
    private static final Pattern PAGED_KEY = Pattern.compile("mayday-(\\d{1,18})-.+");

    private final Database database;
    private final IncidentService incidents;
    private final IncidentNotifier notifier;
    private final Clock clock;

    public PagerSync(Database database, IncidentService incidents, IncidentNotifier notifier, Clock clock) {
        this.database = database;
        this.incidents = incidents;
        this.notifier = notifier;
        this.clock = clock;
    }

    public Outcome handle(PagerEvent event) {
        Outcome outcome = database.inTransactionUnderRowLocks(store -> {
            store.turn("pagerduty/" + event.pagerId()).take();
            if (store.pagerDuty().recordEvent(event.eventId(), event.kind().name(), event.pagerId(),
                    event.occurredAt().toEpochMilli(), clock.millis()) == 0) {
                return Outcome.repeat();
            }
            Optional<Long> linked = store.pagerDuty().incidentFor(event.pagerId())
                    .or(() -> pagedFor(store, event));
            Declared declared = null;
            if (linked.isEmpty()) {
                if (!event.kind().opensAnIncident()) {
                    if (event.kind() == PagerEvent.Kind.ANNOTATED) {
                        store.pagerDuty().keepEarlyNote(event.eventId(), event.agent(), noteText(event.detail()));
                    }
                    return Outcome.ignored();
                }
                declared = declare(store, event);
                linked = Optional.of(declared.incident().id());
            }
            store.lockIncident(linked.get());
            Incident before = store.incidents().byId(linked.get()).map(IncidentRows::toIncident).orElseThrow();
            if (!store.pagerDuty().pagerIdOf(before.id()).orElse("").equals(event.pagerId())) {
                // a page linked to the incident, not its mirror: what happens to it is told, and moves nothing
                return new Outcome(false, Optional.empty(), pageStep(event)
                        .map(step -> List.of(incidents.pagerChangeIn(store, before, ACTOR,
                                new IncidentService.Step(before, TimelineKind.PAGERDUTY, step))))
                        .orElse(List.of()));
            }
            List<IncidentChange> changes = new ArrayList<>();
            if (declared != null) {
                for (EarlyNote note : store.pagerDuty().earlyNotes(event.pagerId())) {
                    changes.add(incidents.pagerChangeIn(store, before, ACTOR, noteStep(before, note.author(), note.note())));
                }
            }
            boolean newest = store.pagerDuty().advance(before.id(), event.occurredAt().toEpochMilli()) == 1;
            Optional<Severity> newPriority = newest ? priorityChange(store, before.id(), event) : Optional.empty();
            step(store, before, event, newest).map(step -> incidents.pagerChangeIn(store, before, ACTOR, step))
                    .ifPresent(changes::add);
            Incident current = changes.isEmpty() ? before : changes.get(changes.size() - 1).after();
            if (event.kind() != PagerEvent.Kind.PRIORITY_UPDATED && current.status() != Status.CLOSED) {
                // the priority changed in PagerDuty, and its own event was older than one applied already, or lost
                newPriority.filter(s -> s != current.severity())
                        .map(s -> incidents.pagerChangeIn(store, current, ACTOR, severityStep(current, s)))
                        .ifPresent(changes::add);
            }
            return new Outcome(false, Optional.ofNullable(declared), List.copyOf(changes));
        });
        outcome.declared().filter(Declared::isNew).ifPresent(d -> notifier.declared(d.incident()));
        outcome.changes().forEach(notifier::changed);
        return outcome;
    }

    /**
     * The incident Mayday paged for, when the pager incident carries the incident_key Mayday gave it
     * ({@code mayday-<id>-<target>}) and its webhook arrives before Mayday recorded the link: linked now.
     */
    private Optional<Long> pagedFor(Database.Store store, PagerEvent event) {
        Matcher key = PAGED_KEY.matcher(event.incidentKey() == null ? "" : event.incidentKey());
        if (!key.matches()) {
            return Optional.empty();
        }
        long id = Long.parseLong(key.group(1));
        if (store.incidents().byId(id).isEmpty()
                || store.pagerDuty().addLink(id, event.pagerId(), event.url(), clock.millis()) == 0) {
            return Optional.empty();
        }
        return Optional.of(id);
    }

    private static Optional<String> pageStep(PagerEvent event) {
        String by = event.agent() == null ? "" : " by " + event.agent();
        String page = "PagerDuty page " + event.pagerId();
        return switch (event.kind()) {
            case ACKNOWLEDGED -> Optional.of(page + " acknowledged" + by);
            case RESOLVED -> Optional.of(page + " resolved" + by);
            case ESCALATED, REASSIGNED -> Optional.of(describe(event).replace("in PagerDuty", page));
            case ANNOTATED -> Optional.of(page + " note" + by + ": " + noteText(event.detail()));
            default -> Optional.empty();
        };
    }

    /** PagerDuty's priority as of this (newest) event, when it differs from the newest one seen before; recorded. */
    private static Optional<Severity> priorityChange(Database.Store store, long incidentId, PagerEvent event) {
        Optional<Severity> now = event.severity();
        if (now.isEmpty() || now.get().name().equals(store.pagerDuty().pagerSeverityOf(incidentId).orElse(null))) {
            return Optional.empty();
        }
        store.pagerDuty().recordPagerSeverity(incidentId, now.get().name());
        return now;
    }

    private Declared declare(Database.Store store, PagerEvent event) {
        String title = event.title() == null || event.title().isBlank() ? "PagerDuty incident " + event.pagerId()
                : event.title().strip();
        if (title.length() > MAX_TITLE) {
            title = title.substring(0, MAX_TITLE - 1) + "…";
        }
        Declared declared = incidents.declareIn(store, new Declaration(title, null,
                event.severity().orElse(Severity.SEV3), false, false, ACTOR, "pagerduty:" + event.pagerId(), null));
        long id = declared.incident().id();
        store.pagerDuty().link(id, event.pagerId(), event.url());
        if (event.escalationPolicyId() != null) {
            Publications.enqueue(store, new PagerResponders(id, event.escalationPolicyId()), clock.instant());
        }
        return declared;
    }

    private Optional<IncidentService.Step> step(Database.Store store, Incident incident, PagerEvent event,
                                                boolean newest) {
        boolean open = incident.status() != Status.CLOSED;
        String by = event.agent() == null ? "" : " by " + event.agent();
        return switch (event.kind()) {
            case TRIGGERED -> Optional.empty();
            case ACKNOWLEDGED -> incident.times().acknowledgedAt() == null || newest
                    ? Optional.of(new IncidentService.Step(acknowledged(incident, event), TimelineKind.PAGERDUTY,
                            "Acknowledged in PagerDuty" + by))
                    : Optional.empty();
            case RESOLVED -> newest && incident.status().isActive()
                    ? Optional.of(new IncidentService.Step(
                            incident.resolved(event.occurredAt(), incident.resolution()), TimelineKind.RESOLVED,
                            "Resolved in PagerDuty" + by))
                    : Optional.empty();
            case REOPENED -> newest && incident.status() == Status.RESOLVED
                    ? Optional.of(new IncidentService.Step(incident.movedTo(Status.INVESTIGATING),
                            TimelineKind.STATUS_CHANGED, "Resolved → Investigating (reopened in PagerDuty)"))
                    : Optional.empty();
            case PRIORITY_UPDATED -> newest && open
                    ? event.severity().filter(s -> s != incident.severity()).map(s -> severityStep(incident, s))
                    : Optional.empty();
            case UNACKNOWLEDGED, REASSIGNED, ESCALATED -> newest && open
                    ? Optional.of(new IncidentService.Step(incident, TimelineKind.PAGERDUTY, describe(event) + by))
                    : Optional.empty();
            case ANNOTATED -> event.noteId() != null && store.pagerDuty().isOwnNote(event.noteId()) > 0
                    ? Optional.empty()
                    : Optional.of(noteStep(incident, event.agent(), noteText(event.detail())));
        };
    }

    private static IncidentService.Step noteStep(Incident incident, String author, String note) {
        return new IncidentService.Step(incident, TimelineKind.NOTE_ADDED,
                "PagerDuty note" + (author == null ? "" : " by " + author) + ": " + note);
    }

    private static String noteText(String detail) {
        return detail == null ? "" : detail;
    }

    private static IncidentService.Step severityStep(Incident incident, Severity severity) {
        return new IncidentService.Step(incident.withSeverity(severity), TimelineKind.SEVERITY_CHANGED,
                incident.severity().label() + " → " + severity.label() + " (PagerDuty priority)");
    }

    private static Incident acknowledged(Incident incident, PagerEvent event) {
        if (incident.times().acknowledgedAt() != null) {
            return incident;
        }
        return incident.acknowledged(event.occurredAt());
    }

    private static String describe(PagerEvent event) {
        String what = switch (event.kind()) {
            case UNACKNOWLEDGED -> "Unacknowledged in PagerDuty";
            case REASSIGNED -> "Reassigned in PagerDuty";
            case ESCALATED -> "Escalated in PagerDuty";
            default -> event.kind().name();
        };
        return event.detail() == null || event.detail().isBlank() ? what : what + " to " + event.detail();
    }

    /** What a delivery did: nothing (a repeat, or nothing to act on), a declaration, changes, or both. */
    public record Outcome(boolean isRepeat, Optional<Declared> declared, List<IncidentChange> changes) {

        static Outcome repeat() {
            return new Outcome(true, Optional.empty(), List.of());
        }

        static Outcome ignored() {
            return new Outcome(false, Optional.empty(), List.of());
        }
    }
}
