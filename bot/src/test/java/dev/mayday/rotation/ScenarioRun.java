package dev.mayday.rotation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Plays a {@link Scenario} on a {@link DutyRoster} the way the bot does (one hour passes per incident), and lets a
 * property look at the roster just before and just after every automatic pick.
 */
final class ScenarioRun {

    static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

    final DutyRoster roster = DutyRoster.empty();
    final List<String> core = new ArrayList<>();
    Instant now = START;
    private long seq;
    private final List<OpenLead> incidents = new ArrayList<>();

    /** One incident's current lead, whether their ledger counts it, and when it resolves. */
    private static final class OpenLead {
        String lead;
        boolean credited;
        final Instant resolvesAt;

        OpenLead(String lead, boolean credited, Instant resolvesAt) {
            this.lead = lead;
            this.credited = credited;
            this.resolvesAt = resolvesAt;
        }
    }

    private int index;
    private int lastJoinIndex = -1;
    private String lastJoined;
    private int lastPickIndex = -1;
    private String lastPicked;

    /**
     * What a property sees around one automatic pick: the members before and after, who was busy or away, and, when
     * the step before was a pick, who it picked ({@code previousLead}) and who had just joined before that one
     * ({@code joinedBeforePrevious}).
     */
    record PickEvent(List<Member> before, List<Member> after, Set<String> busy, Set<String> away, Picked picked,
                     String previousLead, String joinedBeforePrevious) {
    }

    static ScenarioRun play(Scenario scenario, Consumer<PickEvent> onPick) {
        ScenarioRun run = new ScenarioRun();
        for (int i = 0; i < scenario.core().size(); i++) {
            run.core.add(Scenario.coreId(i));
            run.roster.join(Scenario.coreId(i), scenario.core().get(i), START);
        }
        List<Scenario.Step> steps = scenario.steps();
        for (Scenario.Step step : steps) {
            run.apply(step, onPick);
            run.index++;
        }
        return run;
    }

    List<Member> coreMembers() {
        return core.stream().map(id -> roster.member(id).orElseThrow()).toList();
    }

    private void apply(Scenario.Step step, Consumer<PickEvent> onPick) {
        if (step instanceof Scenario.Declare d) {
            declare(d, onPick);
        } else if (step instanceof Scenario.Join j) {
            if (!roster.isOnRoster(j.user())) {
                roster.join(j.user(), j.kind(), now);
                lastJoined = j.user();
                lastJoinIndex = index;
            }
        } else if (step instanceof Scenario.Leave l) {
            if (roster.isOnRoster(l.user())) {
                roster.leave(l.user(), now);
            }
        } else if (step instanceof Scenario.Away a) {
            if (roster.isOnRoster(a.user())) {
                roster.addAbsence(new Absence(a.user(), now, now.plus(Duration.ofHours(a.hours()))));
            }
        } else if (step instanceof Scenario.HandOff h) {
            handOff(h);
        } else if (step instanceof Scenario.Tick t) {
            now = now.plus(Duration.ofHours(t.hours()));
        }
    }

    private void declare(Scenario.Declare d, Consumer<PickEvent> onPick) {
        Set<String> busy = new HashSet<>();
        for (OpenLead incident : incidents) {
            if (incident.resolvesAt.isAfter(now)) {
                busy.add(incident.lead);
            }
        }
        Set<String> away = new HashSet<>();
        roster.onRoster().forEach(m -> {
            if (roster.isAway(m.userId(), now)) {
                away.add(m.userId());
            }
        });
        List<Member> before = List.copyOf(allMembers());
        Picked picked = roster.assign(now, d.severity(), busy, busy, ++seq).orElse(null);
        if (picked != null) {
            incidents.add(new OpenLead(picked.lead().userId(), true, now.plus(Duration.ofHours(d.openHours()))));
            boolean followsAPick = lastPickIndex == index - 1;
            onPick.accept(new PickEvent(before, List.copyOf(allMembers()), busy, away, picked,
                    followsAPick ? lastPicked : null,
                    followsAPick && lastJoinIndex == index - 2 ? lastJoined : null));
            lastPicked = picked.lead().userId();
            lastPickIndex = index;
        }
        now = now.plus(Duration.ofHours(1));
    }

    private void handOff(Scenario.HandOff h) {
        if (incidents.isEmpty()) {
            return;
        }
        OpenLead incident = incidents.get(incidents.size() - 1 - Math.floorMod(h.back(), incidents.size()));
        if (incident.lead.equals(h.to())) {
            return;
        }
        incident.credited = roster.handOff(incident.lead, incident.credited, h.to(), ++seq);
        incident.lead = h.to();
    }

    private List<Member> allMembers() {
        List<Member> all = new ArrayList<>();
        for (String id : core) {
            all.add(roster.member(id).orElseThrow());
        }
        for (String id : Scenario.EXTRAS) {
            roster.member(id).ifPresent(all::add);
        }
        return all;
    }
}
