package dev.mayday.digest;

import dev.mayday.postmortem.ActionItem;
import dev.mayday.postmortem.Learning;
import dev.mayday.postmortem.OpenActionItem;
import dev.mayday.rotation.MemberKind;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the digest of {@code week} is built from, read at {@code asOf}.
 *
 * <p>{@code incidents} holds those declared in the history window ({@link DigestSettings#historyWeeks()} weeks ending
 * with {@code week}), those still open, and those the learnings and action items belong to. {@code learnings} are
 * those of incidents closed in the week, {@code actionsOpened} and {@code actionsDone} the items added and done in
 * it, {@code openActions} every open item with its age at {@code asOf}. {@code assignments} are the duty ledger
 * entries made in the history window and {@code roster} the members on the roster now with their kind;
 * {@code drills} what the restore drills had shown by {@code asOf}; {@code updates} the week's status updates and
 * reminders; {@code premortems} the week's pre-mortems and the incidents they foresaw.
 */
public record DigestFacts(IsoWeek week, ZoneId zone, Instant asOf, List<IncidentFact> incidents,
                          List<Learning> learnings, List<ActionItem> actionsOpened, List<ActionItem> actionsDone,
                          List<OpenActionItem> openActions, List<DutyFact> assignments,
                          Map<String, MemberKind> roster, DigestSettings settings, DrillFacts drills,
                          StatusUpdates updates, PremortemCount premortems) {

    public DigestFacts {
        premortems = premortems == null ? PremortemCount.none() : premortems;
        Objects.requireNonNull(week, "week");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(drills, "drills");
        Objects.requireNonNull(updates, "updates");
        incidents = List.copyOf(incidents);
        learnings = List.copyOf(learnings);
        actionsOpened = List.copyOf(actionsOpened);
        actionsDone = List.copyOf(actionsDone);
        openActions = List.copyOf(openActions);
        assignments = List.copyOf(assignments);
        roster = Map.copyOf(roster);
    }

    public IsoWeek previousWeek() {
        return week.previous();
    }

    public Optional<IncidentFact> incident(long id) {
        return incidents.stream().filter(i -> i.id() == id).findFirst();
    }

    /** Incidents declared in [week of {@code from}, end of {@code to}]; practice incidents (drills) are not. */
    public List<IncidentFact> declaredIn(IsoWeek from, IsoWeek to) {
        return declaredBetween(from, to).filter(i -> !i.isPractice()).toList();
    }

    /** The practice incidents (drills) declared in {@code week}, oldest first. */
    public List<IncidentFact> drillsIn(IsoWeek week) {
        return declaredBetween(week, week).filter(IncidentFact::isPractice).toList();
    }

    private java.util.stream.Stream<IncidentFact> declaredBetween(IsoWeek from, IsoWeek to) {
        Instant start = from.start(zone);
        Instant end = to.end(zone);
        return incidents.stream().filter(i -> !i.declaredAt().isBefore(start) && i.declaredAt().isBefore(end));
    }

    public List<IncidentFact> declaredIn(IsoWeek one) {
        return declaredIn(one, one);
    }
}
