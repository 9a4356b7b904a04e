package dev.mayday.digest;

import dev.mayday.incident.Severity;
import dev.mayday.incident.Status;
import dev.mayday.postmortem.ActionItem;
import dev.mayday.postmortem.ActionItemState;
import dev.mayday.postmortem.Learning;
import dev.mayday.postmortem.OpenActionItem;
import dev.mayday.rotation.DutyRole;
import dev.mayday.rotation.MemberKind;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builds a digest's facts by hand: incidents (with their leads on the duty ledger), follow-ups and the roster. */
final class History {

    final IsoWeek week;
    final ZoneId zone;
    Instant asOf;
    DigestSettings settings = DigestSettings.defaults();
    DrillFacts drills = DrillFacts.none();
    StatusUpdates updates = StatusUpdates.none();
    PremortemCount premortems = PremortemCount.none();
    private final List<IncidentFact> incidents = new ArrayList<>();
    private final List<DutyFact> duty = new ArrayList<>();
    private final Map<String, MemberKind> roster = new HashMap<>();
    private final List<Learning> learnings = new ArrayList<>();
    private final List<ActionItem> opened = new ArrayList<>();
    private final List<ActionItem> done = new ArrayList<>();
    private final List<ActionItem> open = new ArrayList<>();
    private long ids;

    History(String week, ZoneId zone) {
        this.week = IsoWeek.parse(week);
        this.zone = zone;
        this.asOf = this.week.end(zone).plus(Duration.ofHours(9));
    }

    /** Monday 00:00 of the digest's week, plus {@code offset}. */
    Instant inWeek(Duration offset) {
        return week.start(zone).plus(offset);
    }

    Instant lastWeek(Duration offset) {
        return week.previous().start(zone).plus(offset);
    }

    History member(String user, MemberKind kind) {
        roster.put(user, kind);
        return this;
    }

    /** Resolved after {@code resolveAfter} (null: still open), acknowledged after {@code ackAfter} (null: never). */
    IncidentFact incident(Instant declared, Severity severity, Duration ackAfter, Duration resolveAfter, String lead) {
        return incident(declared, severity, ackAfter, resolveAfter, lead, null, null);
    }

    IncidentFact incident(Instant declared, Severity severity, Duration ackAfter, Duration resolveAfter, String lead,
                          String responder, String service) {
        return add(declared, severity, ackAfter, resolveAfter, lead, responder, service, false);
    }

    /** A practice incident (a drill), as {@link #incident} otherwise: led by {@code lead}, on the duty ledger. */
    IncidentFact drill(Instant declared, Severity severity, Duration ackAfter, Duration resolveAfter, String lead) {
        return add(declared, severity, ackAfter, resolveAfter, lead, null, null, true);
    }

    private IncidentFact add(Instant declared, Severity severity, Duration ackAfter, Duration resolveAfter,
                             String lead, String responder, String service, boolean practice) {
        long id = ++ids;
        IncidentFact incident = new IncidentFact(id, (practice ? "Game day " : "Incident ") + id, severity,
                resolveAfter == null ? Status.INVESTIGATING : Status.RESOLVED, false, lead, responder, declared,
                ackAfter == null ? null : declared.plus(ackAfter),
                resolveAfter == null ? null : declared.plus(resolveAfter), null, service, practice);
        incidents.add(incident);
        duty.add(new DutyFact(id, lead, DutyRole.LEAD, roster.get(lead), declared));
        if (responder != null) {
            duty.add(new DutyFact(id, responder, DutyRole.RESPONDER, roster.get(responder), declared));
        }
        return incident;
    }

    IncidentFact privateIncident(Instant declared, String lead) {
        long id = ++ids;
        IncidentFact incident = new IncidentFact(id, "Secret payroll leak", Severity.SEV1, Status.CLOSED, true, lead,
                null, declared, declared, declared.plusSeconds(600), declared.plusSeconds(900), null, false);
        incidents.add(incident);
        return incident;
    }

    ActionItem openAction(long incidentId, String text, String owner, Instant createdAt) {
        ActionItem item = new ActionItem(++ids, incidentId, text, owner, ActionItemState.OPEN, "U0ALEX", createdAt,
                null, null);
        open.add(item);
        if (week.contains(createdAt, zone)) {
            opened.add(item);
        }
        return item;
    }

    ActionItem doneAction(long incidentId, String text, String owner, Instant createdAt, Instant doneAt) {
        ActionItem item = new ActionItem(++ids, incidentId, text, owner, ActionItemState.DONE, "U0ALEX", createdAt,
                doneAt, owner);
        if (week.contains(createdAt, zone)) {
            opened.add(item);
        }
        if (week.contains(doneAt, zone)) {
            done.add(item);
        }
        return item;
    }

    void learned(long incidentId, String text) {
        learnings.add(new Learning(++ids, incidentId, text, "U0ALEX", week.start(zone)));
    }

    DigestFacts facts() {
        List<OpenActionItem> ages = open.stream()
                .map(item -> new OpenActionItem(item, Duration.between(item.createdAt(), asOf))).toList();
        return new DigestFacts(week, zone, asOf, incidents, learnings, opened, done, ages, duty, roster, settings,
                drills, updates, premortems);
    }

    DigestReport report() {
        return Digest.build(facts());
    }
}
