package dev.mayday.slack.views;

import dev.mayday.rotation.Absence;
import dev.mayday.rotation.DutyStanding;
import dev.mayday.rotation.Ledger;
import dev.mayday.rotation.MemberKind;
import dev.mayday.rotation.RosterChange;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/** The text of {@code /incident duty list}, {@code list --history} and {@code help}. */
public final class DutyList {

    public static final String HELP = """
            *Mayday — the duty rotation* (`/incident duty …`, from any channel)
            • `join [engineer|manager]` — put yourself on the roster (default engineer); `leave` — take yourself off
            • `add @someone engineer|manager` — put someone on the roster; `remove @someone` — take them off
            • `away @someone|me <from> <to>` — days away (yyyy-MM-dd, first and last day); `back @someone|me` — back now
            • `list` — who is on it, who led how much against their fair share, and who is next; `list --history` — the \
            last 20 roster changes and who made them
            When `DUTY_ADMINS` is set, only they may add, remove or mark away someone else; everyone may `join`, \
            `leave`, `away me …` and `back me`. Someone changed by somebody else is told by direct message.
            New incidents are led by the available member furthest behind their fair share; SEV1 and SEV2 also get \
            a responder of the other kind (a manager for an engineer lead, and the other way round).""";

    private final ZoneId zone;

    public DutyList(ZoneId zone) {
        this.zone = zone;
    }

    public String render(DutyStanding standing, String viewer) {
        if (standing.rows().isEmpty()) {
            return "Nobody is on the duty roster yet, so whoever declares an incident leads it. Start it with "
                    + "`/incident duty join [engineer|manager]` or `/incident duty add @someone engineer|manager`.";
        }
        StringBuilder text = new StringBuilder("*Duty roster* — ").append(standing.rows().size()).append(" members: ")
                .append(count(standing.engineers())).append(", ").append(count(standing.managers())).append('\n');
        for (DutyStanding.Row row : standing.rows()) {
            text.append("• ").append(Mentions.of(row.member().userId()))
                    .append(row.member().userId().equals(viewer) ? " (you)" : "")
                    .append(" · ").append(row.member().kind().label())
                    .append(" · led ").append(row.member().lead().turns())
                    .append(" of a fair share of ").append(Numbers.oneDecimal(row.member().lead().share()))
                    .append(responded(row.member().responder()))
                    .append(" · ").append(availability(row)).append('\n');
        }
        text.append("Spread: ").append(Numbers.oneDecimal(standing.spread()))
                .append(" (largest minus smallest deficit: fair share minus leads)\n");
        text.append(share(standing.engineers())).append("   |   ").append(share(standing.managers()));
        return text.toString();
    }

    /** The roster changes, newest first, each with who made it, times in the team's zone. */
    public String history(List<RosterChange> changes) {
        if (changes.isEmpty()) {
            return "Nobody has changed the duty roster yet.";
        }
        StringBuilder text = new StringBuilder("*Duty roster changes* — the last ").append(changes.size())
                .append(", newest first (").append(zone.getId()).append(")");
        changes.forEach(change -> text.append("\n• ").append(RosterChangeText.historyLine(change, zone)));
        return text.toString();
    }

    private String availability(DutyStanding.Row row) {
        StringBuilder text = new StringBuilder();
        if (row.isAway()) {
            text.append(":palm_tree: away through ").append(lastDay(row.awayUntil()));
        } else {
            text.append(row.placeInLine() == 1 ? "next in line" : Numbers.ordinal(row.placeInLine()) + " in line");
            if (row.busy()) {
                text.append(" (leading an open incident)");
            }
        }
        if (row.nextAway() != null) {
            text.append(" · away ").append(days(row.nextAway(), zone));
        }
        return text.toString();
    }

    private LocalDate lastDay(Instant end) {
        return end.minusMillis(1).atZone(zone).toLocalDate();
    }

    public static String days(Absence absence, ZoneId zone) {
        LocalDate first = absence.from().atZone(zone).toLocalDate();
        LocalDate last = absence.to().minusMillis(1).atZone(zone).toLocalDate();
        return first.equals(last) ? "on " + first : "from " + first + " to " + last;
    }

    public static String article(MemberKind kind) {
        return (kind == MemberKind.ENGINEER ? "an " : "a ") + kind.label();
    }

    private static String responded(Ledger responder) {
        return responder.turns() == 0 && responder.share() < 0.05 ? ""
                : " · second responder " + responder.turns() + " of " + Numbers.oneDecimal(responder.share());
    }

    private static String count(DutyStanding.KindShare share) {
        return share.members() + " " + (share.members() == 1 ? share.kind().label() : share.kind().plural());
    }

    private static String share(DutyStanding.KindShare share) {
        String kind = share.kind().plural();
        return Character.toUpperCase(kind.charAt(0)) + kind.substring(1) + ": " + Numbers.percent(share.leadShare())
                + " of leads (" + share.leads() + "), " + Numbers.percent(share.rosterShare()) + " of the roster";
    }
}
