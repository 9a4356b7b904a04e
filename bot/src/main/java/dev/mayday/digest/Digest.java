package dev.mayday.digest;

import dev.mayday.incident.Severity;
import dev.mayday.postmortem.ActionItem;
import dev.mayday.postmortem.Learning;
import dev.mayday.postmortem.OpenActionItem;

import java.time.Duration;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Builds the weekly digest from its facts. Pure: the same facts always give the same report. Practice incidents
 * (drills) are kept out of the counts, response times, what is still open and back pressure ({@link
 * DigestFacts#declaredIn}), listed apart ({@code practice}), and counted in the duty load like any incident.
 */
public final class Digest {

    private static final String PRIVATE_TEXT = "(kept in the private incident's channel)";

    private Digest() {
    }

    public static DigestReport build(DigestFacts facts) {
        IsoWeek week = facts.week();
        List<IncidentFact> thisWeek = facts.declaredIn(week);
        List<IncidentFact> lastWeek = facts.declaredIn(facts.previousWeek());
        Map<Severity, WeekCount> bySeverity = new EnumMap<>(Severity.class);
        for (Severity severity : Severity.values()) {
            bySeverity.put(severity, new WeekCount(count(thisWeek, severity), count(lastWeek, severity)));
        }
        List<FollowUp> open = facts.openActions().stream()
                .sorted(Comparator.comparing((OpenActionItem o) -> o.item().createdAt())
                        .thenComparingLong(o -> o.item().id()))
                .map(o -> followUp(facts, o.item(), o.age())).toList();
        Duration overdueAfter = facts.settings().overdueAfter();
        List<FollowUp> overdue = open.stream().filter(f -> f.age().compareTo(overdueAfter) > 0).toList();
        double hours = thisWeek.stream().mapToLong(i -> i.spentUntil(facts.asOf()).toSeconds()).sum() / 3600.0;
        return new DigestReport(week, facts.zone(), facts.asOf(), new WeekCount(thisWeek.size(), lastWeek.size()),
                bySeverity, stillOpen(facts),
                new ResponseTime(sample(thisWeek, IncidentFact::toAcknowledge),
                        sample(lastWeek, IncidentFact::toAcknowledge)),
                new ResponseTime(sample(thisWeek, IncidentFact::toResolve), sample(lastWeek, IncidentFact::toResolve)),
                facts.learnings().stream().map(l -> learning(facts, l)).toList(),
                facts.actionsOpened().stream().map(a -> followUp(facts, a, age(facts, a))).toList(),
                facts.actionsDone().stream().map(a -> followUp(facts, a, age(facts, a))).toList(),
                overdue, open, DutyLoads.of(facts), Dependencies.of(facts),
                new BackPressure(hours, facts.settings().budgetHours(), outsideDrills(facts, open)), facts.settings(),
                facts.drills(), facts.updates(), facts.drillsIn(week).stream().map(PracticeDrill::of).toList(),
                facts.premortems());
    }

    /** Back pressure weighs the follow-ups of incidents; a drill's are listed, but practice is not incident load. */
    private static int outsideDrills(DigestFacts facts, List<FollowUp> open) {
        return (int) open.stream()
                .filter(f -> !facts.incident(f.incidentId()).map(IncidentFact::isPractice).orElse(false)).count();
    }

    private static int count(List<IncidentFact> incidents, Severity severity) {
        return (int) incidents.stream().filter(i -> i.severity() == severity).count();
    }

    private static List<OpenIncident> stillOpen(DigestFacts facts) {
        return facts.incidents().stream()
                .filter(IncidentFact::isOpen)
                .filter(i -> !i.isPractice())
                .filter(i -> i.declaredAt().isBefore(facts.week().end(facts.zone())))
                .sorted(Comparator.comparing(IncidentFact::declaredAt).thenComparingLong(IncidentFact::id))
                .map(i -> new OpenIncident(i.id(), i.label(), i.severity(), i.status(), i.lead(),
                        i.spentUntil(facts.asOf())))
                .toList();
    }

    private static ResponseTime.Sample sample(List<IncidentFact> incidents,
                                              Function<IncidentFact, Optional<Duration>> time) {
        return ResponseTime.Sample.of(incidents.size(),
                incidents.stream().map(time).flatMap(Optional::stream).toList());
    }

    private static LearningLine learning(DigestFacts facts, Learning learning) {
        Optional<IncidentFact> incident = facts.incident(learning.incidentId());
        boolean hidden = incident.map(IncidentFact::isPrivate).orElse(false);
        return new LearningLine(learning.incidentId(), label(incident, learning.incidentId()),
                hidden ? PRIVATE_TEXT : learning.text(), learning.author());
    }

    private static FollowUp followUp(DigestFacts facts, ActionItem item, Duration age) {
        Optional<IncidentFact> incident = facts.incident(item.incidentId());
        boolean hidden = incident.map(IncidentFact::isPrivate).orElse(false);
        return new FollowUp(item.id(), item.incidentId(), label(incident, item.incidentId()),
                hidden ? PRIVATE_TEXT : item.text(), item.owner(), item.createdAt(), item.doneAt(), age);
    }

    private static Duration age(DigestFacts facts, ActionItem item) {
        java.time.Instant end = item.doneAt() != null ? item.doneAt() : facts.asOf();
        return end.isAfter(item.createdAt()) ? Duration.between(item.createdAt(), end) : Duration.ZERO;
    }

    private static String label(Optional<IncidentFact> incident, long id) {
        return incident.map(IncidentFact::label).orElse("#" + id);
    }
}
