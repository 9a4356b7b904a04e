package dev.mayday.rotation;

import dev.mayday.incident.IncidentRuleViolation;
import dev.mayday.incident.Severity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The rotation's rules over an in-memory roster: who joins at what level, who is available, who is picked and what
 * each pick accrues. The store loads one, applies a change and saves what {@link #changed()} reports, so the rules
 * live here once for the bot, the simulation and the property tests.
 */
public final class DutyRoster {

    private final Map<String, Member> members = new TreeMap<>();
    private final Map<String, Member> loaded;
    private final List<Absence> absences;

    public DutyRoster(Collection<Member> members, Collection<Absence> absences) {
        members.forEach(m -> this.members.put(m.userId(), m));
        this.loaded = Map.copyOf(this.members);
        this.absences = new ArrayList<>(absences);
    }

    public static DutyRoster empty() {
        return new DutyRoster(List.of(), List.of());
    }

    /** Members on the roster now, by user id. */
    public List<Member> onRoster() {
        return members.values().stream().filter(Member::onRoster).toList();
    }

    /** A member on the roster or one who left (their ledger is kept). */
    public Optional<Member> member(String userId) {
        return Optional.ofNullable(members.get(userId));
    }

    public boolean isOnRoster(String userId) {
        return member(userId).map(Member::onRoster).orElse(false);
    }

    public boolean isAway(String userId, Instant at) {
        return absences.stream().anyMatch(a -> a.userId().equals(userId) && a.covers(at));
    }

    /** On the roster and not away at {@code at}. */
    public List<Member> available(Instant at) {
        return onRoster().stream().filter(m -> !isAway(m.userId(), at)).toList();
    }

    public List<Member> available(Instant at, MemberKind kind) {
        return available(at).stream().filter(m -> m.kind() == kind).toList();
    }

    public List<Absence> absences() {
        return List.copyOf(absences);
    }

    /** Joins (or rejoins) level with the pool: at the mean deficit of those available now, for both duties. */
    public Member join(String userId, MemberKind kind, Instant at) {
        Optional<Member> earlier = member(userId);
        if (earlier.isPresent() && earlier.get().onRoster()) {
            throw new IncidentRuleViolation("<@" + userId + "> is already on the duty roster (as "
                    + article(earlier.get().kind()) + ").");
        }
        double leadLevel = meanDeficit(available(at), onRoster(), DutyRole.LEAD);
        double responderLevel = meanDeficit(available(at, kind),
                onRoster().stream().filter(m -> m.kind() == kind).toList(), DutyRole.RESPONDER);
        Member joined = earlier
                .map(m -> m.rejoined(kind, at, m.lead().levelAt(leadLevel), m.responder().levelAt(responderLevel)))
                .orElseGet(() -> new Member(userId, kind, at, null, Ledger.EMPTY.levelAt(leadLevel),
                        Ledger.EMPTY.levelAt(responderLevel)));
        members.put(userId, joined);
        return joined;
    }

    public Member leave(String userId, Instant at) {
        Member member = requireOnRoster(userId);
        Member left = member.left(at);
        members.put(userId, left);
        return left;
    }

    public void addAbsence(Absence absence) {
        requireOnRoster(absence.userId());
        absences.add(absence);
    }

    public Member requireOnRoster(String userId) {
        return member(userId).filter(Member::onRoster).orElseThrow(() -> new IncidentRuleViolation("<@" + userId
                + "> is not on the duty roster. Add them with `/incident duty add @someone engineer|manager`."));
    }

    /**
     * Picks the lead among everyone available at {@code at} (and, for SEV1/SEV2, a responder of the other kind
     * among those of that kind), accruing each pool's fair share. Empty when nobody is available.
     */
    public Optional<Picked> assign(Instant at, Severity severity, Set<String> busyLeads, Set<String> busyResponders,
                                   long seq) {
        Optional<Pick> lead = assign(DutyRole.LEAD, available(at), busyLeads, seq);
        if (lead.isEmpty()) {
            return Optional.empty();
        }
        Pick responder = null;
        if (severity == Severity.SEV1 || severity == Severity.SEV2) {
            MemberKind otherKind = lead.get().kind().other();
            responder = assign(DutyRole.RESPONDER, available(at, otherKind), busyResponders, seq).orElse(null);
        }
        return Optional.of(new Picked(lead.get(), responder));
    }

    /** Counts a lead nobody picked (the declarer, when nobody was available): no one accrues for it. */
    public void credit(String userId, DutyRole role, long seq) {
        Member member = requireOnRoster(userId);
        members.put(userId, member.with(role, member.ledger(role).credit(seq)));
    }

    /**
     * Moves the lead's credit: {@code from} gives back the turn they were credited (if they were), {@code to} gets
     * one if they are on the roster. Returns whether {@code to} was credited.
     */
    public boolean handOff(String from, boolean fromWasCredited, String to, long seq) {
        Member giver = members.get(from);
        if (fromWasCredited && giver != null) {
            members.put(from, giver.with(DutyRole.LEAD, giver.lead().debit()));
        }
        if (!isOnRoster(to)) {
            return false;
        }
        credit(to, DutyRole.LEAD, seq);
        return true;
    }

    /** Members whose row differs from what this roster was built with: what a store must save. */
    public List<Member> changed() {
        return members.values().stream().filter(m -> !m.equals(loaded.get(m.userId()))).toList();
    }

    private Optional<Pick> assign(DutyRole role, List<Member> pool, Set<String> busy, long seq) {
        if (pool.isEmpty()) {
            return Optional.empty();
        }
        List<Member> line = FairRule.lineUp(pool, role, busy);
        Member chosen = line.get(0);
        boolean everyoneBusy = busy.contains(chosen.userId());
        int skipped = everyoneBusy ? 0 : (int) pool.stream().filter(m -> busy.contains(m.userId())).count();
        boolean tied = line.size() > 1 && busy.contains(line.get(1).userId()) == busy.contains(chosen.userId())
                && FairRule.sameDeficit(chosen, line.get(1), role);
        double portion = 1.0 / pool.size();
        for (Member member : pool) {
            members.put(member.userId(), member.with(role, member.ledger(role).accrue(portion)));
        }
        Member accrued = members.get(chosen.userId());
        members.put(chosen.userId(), accrued.with(role, accrued.ledger(role).credit(seq)));
        return Optional.of(new Pick(chosen.userId(), chosen.kind(), role, pool.size(), skipped, everyoneBusy, tied,
                chosen.ledger(role)));
    }

    /** The mean deficit of {@code pool}; when it is empty, of {@code fallback}; when both are, zero. */
    private static double meanDeficit(List<Member> pool, List<Member> fallback, DutyRole role) {
        List<Member> basis = pool.isEmpty() ? fallback : pool;
        return basis.stream().mapToDouble(m -> m.deficit(role)).average().orElse(0);
    }

    static String article(MemberKind kind) {
        return (kind == MemberKind.ENGINEER ? "an " : "a ") + kind.label();
    }
}
