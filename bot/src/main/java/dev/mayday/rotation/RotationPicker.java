package dev.mayday.rotation;

import dev.mayday.db.Database;
import dev.mayday.db.rotation.AssignmentRow;
import dev.mayday.db.rotation.RosterDao;
import dev.mayday.incident.Assignment;
import dev.mayday.incident.LeadPicker;
import dev.mayday.incident.Severity;

import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Picks leads and responders from the duty roster, inside the declaration's transaction: the roster is read, the
 * choice made and the ledgers written while the store's write lock is held, so concurrent declarations see each
 * other's picks (and each other's open incidents) and never race to the same person.
 */
public final class RotationPicker implements LeadPicker {

    static final int RECENT_INCIDENTS = 20;

    @Override
    public Assignment pick(Database.Store store, long incidentId, Instant at, Severity severity, String declarer) {
        // two declarations at once, in this process or another, pick one after the other, each from fresh counts
        store.pickLock().take();
        RosterDao dao = store.roster();
        DutyRoster roster = RosterRows.load(dao, at);
        long seq = dao.nextSequence();
        Set<String> busyLeads = Set.copyOf(dao.openIncidentLeads(incidentId));
        Set<String> busyResponders = new HashSet<>(busyLeads);
        busyResponders.addAll(dao.openIncidentResponders(incidentId));
        Optional<Picked> picked = roster.assign(at, severity, busyLeads, busyResponders, seq);
        Assignment assignment;
        if (picked.isPresent()) {
            Picked people = picked.get();
            String reason = PickReason.of(people, dao.recentLeads(incidentId, RECENT_INCIDENTS));
            record(dao, incidentId, people.lead().userId(), DutyRole.LEAD, true, at, reason);
            people.pairedResponder().ifPresent(r ->
                    record(dao, incidentId, r.userId(), DutyRole.RESPONDER, true, at, reason));
            assignment = new Assignment(people.lead().userId(),
                    people.pairedResponder().map(Pick::userId).orElse(null), reason);
        } else {
            // nobody to pick: the declarer leads, and counts it if they are a member (nobody accrued for it)
            boolean credited = roster.isOnRoster(declarer);
            if (credited) {
                roster.credit(declarer, DutyRole.LEAD, seq);
            }
            String reason = roster.onRoster().isEmpty() ? null : PickReason.NOBODY_AVAILABLE;
            record(dao, incidentId, declarer, DutyRole.LEAD, credited, at, reason);
            assignment = new Assignment(declarer, null, reason);
        }
        RosterRows.saveChanges(dao, roster);
        return assignment;
    }

    @Override
    public void handedOff(Database.Store store, long incidentId, String from, String to, Instant at) {
        RosterDao dao = store.roster();
        DutyRoster roster = RosterRows.load(dao, at);
        Optional<AssignmentRow> current = dao.currentAssignment(incidentId, DutyRole.LEAD.name());
        current.ifPresent(row -> dao.endAssignment(row.id(), at.toEpochMilli()));
        boolean fromWasCredited = current.filter(row -> row.userId().equals(from)).map(AssignmentRow::credited)
                .orElse(false);
        boolean credited = roster.handOff(from, fromWasCredited, to, dao.nextSequence());
        record(dao, incidentId, to, DutyRole.LEAD, credited, at, "handed over by " + from);
        RosterRows.saveChanges(dao, roster);
    }

    private static void record(RosterDao dao, long incidentId, String userId, DutyRole role, boolean credited,
                               Instant at, String reason) {
        dao.insertAssignment(new AssignmentRow(0, incidentId, userId, role.name(), credited, at.toEpochMilli(), null,
                reason));
    }
}
