package dev.mayday.postmortem;

import dev.mayday.db.Database;
import dev.mayday.db.postmortem.PostmortemRow;
import dev.mayday.db.rotation.AssignmentRow;
import dev.mayday.incident.Incident;
import dev.mayday.incident.IncidentDirectory;
import dev.mayday.premortem.PremortemLink;
import dev.mayday.premortem.PremortemLinks;
import dev.mayday.timeline.TimelineEntry;
import dev.mayday.timeline.TimelineKind;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * Generates an incident's post-mortem draft from the store and keeps every version: closing again or asking again
 * adds the next version, and the highest version is the current draft. The draft is built outside any write lock;
 * storing it takes the next free version, and a concurrent generation that took it first makes this one rebuild
 * under the following number.
 */
public final class Postmortems {

    private static final int ATTEMPTS = 3;

    private final Database database;
    private final IncidentDirectory incidents;
    private final ActionItems actionItems;
    private final Learnings learnings;
    private final ZoneId zone;
    private final PostmortemDraft draft;

    public Postmortems(Database database, ZoneId teamZone) {
        this.database = database;
        this.incidents = new IncidentDirectory(database);
        this.actionItems = new ActionItems(database);
        this.learnings = new Learnings(database);
        this.zone = teamZone;
        this.draft = new PostmortemDraft();
    }

    /** People are named by their user id ({@code @U0123}). */
    public GeneratedPostmortem generate(long incidentId, Permalinks permalinks, Instant now) {
        return generate(incidentId, permalinks, PersonNames.userIds(), now);
    }

    public GeneratedPostmortem generate(long incidentId, Permalinks permalinks, PersonNames names, Instant now) {
        Incident incident = incidents.byId(incidentId).orElseThrow(() -> ActionItems.noSuchIncident(incidentId));
        List<TimelineEntry> timeline = incidents.timeline(incidentId);
        List<ActionItem> items = actionItems.list(incidentId);
        List<Learning> learned = learnings.list(incidentId);
        String firstLead = firstLead(incident, timeline);
        int reminders = database.read(store -> store.reminders().reminderCount(incidentId));
        Optional<PremortemLink> foreseen = database.read(store -> PremortemLinks.linkIn(store, incidentId));
        for (int attempt = 1; ; attempt++) {
            int version = database.read(store -> store.postmortems().nextVersion(incidentId));
            RenderedDraft rendered = draft.render(new PostmortemFacts(incident, firstLead, timeline, items, learned,
                    zone, permalinks, names, now, version, reminders), foreseen);
            PostmortemRow row = new PostmortemRow(incidentId, version, rendered.markdown(), now.toEpochMilli());
            boolean stored = database.inTransaction(store -> store.postmortems().insertIfAbsent(row) == 1);
            if (stored) {
                return new GeneratedPostmortem(incidentId, version, rendered.markdown(), rendered.durations(),
                        rendered.findings().size());
            }
            if (attempt == ATTEMPTS) {
                throw new IllegalStateException("Could not store a post-mortem draft for incident #" + incidentId
                        + ": version " + version + " was taken " + ATTEMPTS + " times in a row.");
            }
        }
    }

    /** The current draft: the highest version stored. */
    public Optional<StoredPostmortem> latest(long incidentId) {
        return database.read(store -> store.postmortems().latest(incidentId)).map(Postmortems::stored);
    }

    public List<StoredPostmortem> versions(long incidentId) {
        return database.read(store -> store.postmortems().versions(incidentId)).stream()
                .map(Postmortems::stored).toList();
    }

    /**
     * Who led when the incident was declared. The timeline records hand-offs but not the rotation's first pick, which
     * the duty ledger keeps; without a rotation the declarer leads.
     */
    private String firstLead(Incident incident, List<TimelineEntry> timeline) {
        boolean handedOff = timeline.stream().anyMatch(e -> e.kind() == TimelineKind.LEAD_CHANGED && !e.deleted());
        if (!handedOff) {
            return incident.lead();
        }
        List<AssignmentRow> assignments = database.read(store -> store.roster().forIncident(incident.id()));
        return assignments.stream().filter(a -> "LEAD".equals(a.role())).map(AssignmentRow::userId).findFirst()
                .orElse(incident.people().declaredBy());
    }

    private static StoredPostmortem stored(PostmortemRow row) {
        return new StoredPostmortem(row.incidentId(), row.version(), row.markdown(), Instant.ofEpochMilli(row.createdAt()));
    }
}
