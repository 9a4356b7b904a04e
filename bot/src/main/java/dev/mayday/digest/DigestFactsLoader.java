package dev.mayday.digest;

import dev.mayday.db.Database;
import dev.mayday.db.digest.DigestFactsDao;
import dev.mayday.db.digest.DigestIncidentRow;
import dev.mayday.db.digest.DutyAssignmentRow;
import dev.mayday.db.digest.StatusUpdatesRow;
import dev.mayday.db.drill.DrillRow;
import dev.mayday.incident.Severity;
import dev.mayday.incident.Status;
import dev.mayday.postmortem.ActionItem;
import dev.mayday.postmortem.ActionItems;
import dev.mayday.postmortem.Learning;
import dev.mayday.postmortem.Learnings;
import dev.mayday.postmortem.OpenActionItem;
import dev.mayday.rotation.DutyRole;
import dev.mayday.rotation.MemberKind;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Reads the facts of one week's digest from the store. */
public final class DigestFactsLoader {

    private final Database database;
    private final ZoneId zone;
    private final DigestSettings settings;
    private final PagerServices services;
    private final ActionItems actions;
    private final Learnings learnings;

    public DigestFactsLoader(Database database, ZoneId zone, DigestSettings settings, PagerServices services) {
        this.database = database;
        this.zone = zone;
        this.settings = settings;
        this.services = services;
        this.actions = new ActionItems(database);
        this.learnings = new Learnings(database);
    }

    /** Without PagerDuty services: the per-service warning is left out. */
    public DigestFactsLoader(Database database, ZoneId zone, DigestSettings settings) {
        this(database, zone, settings, PagerServices.unknown());
    }

    public ZoneId zone() {
        return zone;
    }

    /** The facts of {@code week} as they stand at {@code asOf} (open items' ages, unresolved incidents' hours). */
    public DigestFacts load(IsoWeek week, Instant asOf) {
        Instant from = week.minusWeeks(settings.historyWeeks() - 1L).start(zone);
        Instant weekStart = week.start(zone);
        Instant to = week.end(zone);
        List<Learning> learned = learnings.ofIncidentsClosedBetween(weekStart, to);
        List<ActionItem> opened = actions.openedBetween(weekStart, to);
        List<ActionItem> done = actions.doneBetween(weekStart, to);
        List<OpenActionItem> open = actions.openAcrossIncidents(asOf);
        return database.read(store -> {
            DigestFactsDao dao = store.digestFacts();
            Map<Long, DigestIncidentRow> incidents = new LinkedHashMap<>();
            dao.declaredBetween(from.toEpochMilli(), to.toEpochMilli()).forEach(r -> incidents.put(r.id(), r));
            dao.openDeclaredBefore(to.toEpochMilli()).forEach(r -> incidents.putIfAbsent(r.id(), r));
            Stream.of(learned.stream().map(Learning::incidentId), opened.stream().map(ActionItem::incidentId),
                            done.stream().map(ActionItem::incidentId), open.stream().map(o -> o.item().incidentId()))
                    .flatMap(s -> s).distinct().filter(id -> !incidents.containsKey(id))
                    .forEach(id -> dao.byId(id).ifPresent(r -> incidents.put(r.id(), r)));
            List<DutyFact> duty = dao.assignmentsBetween(from.toEpochMilli(), to.toEpochMilli()).stream()
                    .map(DigestFactsLoader::toDuty).toList();
            Map<String, MemberKind> roster = dao.roster().stream()
                    .collect(Collectors.toMap(r -> r.userId(), r -> MemberKind.valueOf(r.kind())));
            Optional<DrillRow> lastDrill = store.drills().lastFinished(asOf.toEpochMilli());
            Optional<DrillRow> lastPassed = store.drills().lastPassed(asOf.toEpochMilli());
            DrillFacts drills = new DrillFacts(lastPassed.map(d -> Instant.ofEpochMilli(d.finishedAt())),
                    lastPassed.map(d -> Duration.ofMillis(d.restoreMillis())),
                    lastDrill.map(d -> !d.ok()).orElse(false));
            StatusUpdatesRow updates = dao.statusUpdatesBetween(weekStart.toEpochMilli(), to.toEpochMilli());
            return new DigestFacts(week, zone, asOf, incidents.values().stream().map(this::toFact).toList(),
                    learned, opened, done, open, duty, roster, settings, drills, new StatusUpdates(
                            (int) updates.updates(), (int) updates.afterReminder(), (int) updates.reminders()),
                    new PremortemCount(store.premortems().openedBetween(weekStart.toEpochMilli(), to.toEpochMilli()),
                            store.premortems().foreseenBetween(weekStart.toEpochMilli(), to.toEpochMilli())));
        });
    }

    private IncidentFact toFact(DigestIncidentRow row) {
        String service = row.pagerdutyId() == null ? null : services.serviceOf(row.pagerdutyId()).orElse(null);
        return new IncidentFact(row.id(), row.title(), Severity.valueOf(row.severity()), Status.valueOf(row.status()),
                row.isPrivate(), row.lead(), row.responder(), Instant.ofEpochMilli(row.declaredAt()),
                instant(row.acknowledgedAt()), instant(row.resolvedAt()), instant(row.closedAt()), service,
                row.practice());
    }

    private static DutyFact toDuty(DutyAssignmentRow row) {
        return new DutyFact(row.incidentId(), row.userId(), DutyRole.valueOf(row.role()),
                row.kind() == null ? null : MemberKind.valueOf(row.kind()), Instant.ofEpochMilli(row.assignedAt()));
    }

    private static Instant instant(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }
}
