package dev.mayday.slack.views;

import dev.mayday.rotation.RosterChange;
import dev.mayday.text.UserText;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * How a roster change reads: one line of {@code /incident duty list --history}, and the direct message to the person
 * someone else changed. Every part is generated (user ids, a kind, dates), never text someone typed; a stored id
 * that is not a Slack user id is written inert ({@link UserText}), so it can neither ping nor link.
 */
public final class RosterChangeText {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private RosterChangeText() {
    }

    /** {@code 2026-03-14 10:30 · <@U0ALEX> removed <@U0KIM>}, the time in {@code zone}. */
    static String historyLine(RosterChange change, ZoneId zone) {
        return WHEN.format(change.at().atZone(zone)) + " · " + who(change.actor()) + " " + whatHappened(change);
    }

    private static String whatHappened(RosterChange change) {
        boolean self = !change.bySomeoneElse();
        String target = who(change.target());
        if (change instanceof RosterChange.Joined joined) {
            return (self ? "joined" : "added " + target) + " as " + DutyList.article(joined.kind());
        }
        if (change instanceof RosterChange.Left) {
            return self ? "left" : "removed " + target;
        }
        if (change instanceof RosterChange.Away away) {
            return "marked " + (self ? "themselves" : target) + " away " + days(away.firstDay(), away.lastDay());
        }
        return self ? "is back" : "marked " + target + " back";
    }

    /** What the person someone else changed is told, by direct message. */
    public static String notice(RosterChange change) {
        String actor = who(change.actor());
        String text;
        if (change instanceof RosterChange.Joined joined) {
            text = ":clipboard: " + actor + " put you on the duty roster as " + DutyList.article(joined.kind())
                    + ": new incidents may be yours to lead. `/incident duty leave` takes you off.";
        } else if (change instanceof RosterChange.Left) {
            text = ":clipboard: " + actor + " took you off the duty roster. Your record is kept: "
                    + "`/incident duty join` puts you back.";
        } else if (change instanceof RosterChange.Away away) {
            text = ":palm_tree: " + actor + " marked you away " + days(away.firstDay(), away.lastDay())
                    + ": the rotation skips you meanwhile. `/incident duty back me` if you are around after all.";
        } else {
            text = ":clipboard: " + actor + " marked you back on the rotation from now on: new incidents may be yours "
                    + "to lead again.";
        }
        return text + "\n`/incident duty list --history` shows every roster change and who made it.";
    }

    private static String days(LocalDate first, LocalDate last) {
        return first.equals(last) ? "on " + first : "from " + first + " to " + last;
    }

    private static String who(String id) {
        return Mentions.isUserId(id) ? "<@" + id + ">" : UserText.inert(id);
    }
}
