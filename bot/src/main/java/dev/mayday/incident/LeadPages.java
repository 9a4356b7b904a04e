package dev.mayday.incident;

import dev.mayday.db.Database;
import dev.mayday.db.incident.IncidentRow;
import dev.mayday.outbox.PagerPage;
import dev.mayday.outbox.PagerReassign;
import dev.mayday.outbox.Publications;

import java.time.Instant;
import java.util.Set;

/**
 * Wakes the people the rotation picks: when an incident of a paging severity is declared in Slack, its lead and
 * paired responder are paged (in the declaration's transaction, once: the page is an outbox row), unless they
 * declared it themselves; an incident PagerDuty declared has paged already, and a practice incident (a drill) pages
 * nobody: a real page for a drill would wake people for nothing. A hand-off of an incident PagerDuty knows
 * reassigns its PagerDuty incident to the new lead.
 */
public final class LeadPages implements LeadPicker {

    private final LeadPicker picker;
    private final Set<Severity> severities;

    /** {@code severities}: those whose leads are paged ({@code PAGE_LEAD_SEVERITIES}); empty pages nobody. */
    public LeadPages(LeadPicker picker, Set<Severity> severities) {
        this.picker = picker;
        this.severities = Set.copyOf(severities);
    }

    @Override
    public Assignment pick(Database.Store store, long incidentId, Instant at, Severity severity, String declarer) {
        Assignment assignment = picker.pick(store, incidentId, at, severity, declarer);
        if (severities.contains(severity) && !PagerSync.ACTOR.equals(declarer) && !isPractice(store, incidentId)) {
            page(store, incidentId, assignment.lead(), severity.label() + " incident: you lead it.", declarer, at);
            if (assignment.responder() != null) {
                page(store, incidentId, assignment.responder(), severity.label() + " incident: you are the paired "
                        + "responder.", declarer, at);
            }
        }
        return assignment;
    }

    @Override
    public void handedOff(Database.Store store, long incidentId, String from, String to, Instant at) {
        picker.handedOff(store, incidentId, from, to, at);
        if (store.pagerDuty().isPaged(incidentId) == 1) {
            Publications.enqueue(store, new PagerReassign(incidentId, to), at);
        }
    }

    private static boolean isPractice(Database.Store store, long incidentId) {
        return store.incidents().byId(incidentId).map(IncidentRow::practice).orElse(false);
    }

    private static void page(Database.Store store, long incidentId, String person, String message, String declarer,
                             Instant at) {
        if (!person.equals(declarer)) {
            PagerPage page = PagerPage.person(incidentId, person, message, "Mayday (" + declarer + " declared it)");
            Publications.enqueueOnce(store, page, Paging.uniqueKey(page), at);
        }
    }
}
