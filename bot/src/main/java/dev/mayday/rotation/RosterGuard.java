package dev.mayday.rotation;

import dev.mayday.incident.IncidentRuleViolation;

import java.util.ArrayList;
import java.util.List;

/**
 * Who may make a roster change: anyone may change their own place (join, leave, away me, back me); changing someone
 * else's needs {@code DUTY_ADMINS} when it is set. Checked before the change's transaction, since a user-group
 * lookup may ask Slack, and a refusal changes nothing.
 */
public final class RosterGuard {

    /** Names the change being asked for, in the refusal: "take someone else off the duty roster". */
    public enum Asked {
        ADD("put someone else on the duty roster"),
        REMOVE("take someone else off the duty roster"),
        AWAY("mark someone else away"),
        BACK("mark someone else back");

        private final String words;

        Asked(String words) {
            this.words = words;
        }
    }

    private final DutyAdmins admins;
    private final GroupMembership groups;

    public RosterGuard(DutyAdmins admins, GroupMembership groups) {
        this.admins = admins;
        this.groups = groups;
    }

    /** Everyone may change anyone's place: Mayday's behaviour without {@code DUTY_ADMINS}. */
    public static RosterGuard open() {
        return new RosterGuard(DutyAdmins.everyone(), GroupMembership.NONE);
    }

    /** Throws {@link IncidentRuleViolation}, naming who may, when {@code actor} may not change {@code target}'s place. */
    public void check(String actor, String target, Asked asked) {
        if (actor.equals(target) || !admins.restricts() || admins.users().contains(actor) || inGroup(actor)) {
            return;
        }
        throw new IncidentRuleViolation("Only " + who() + " may " + asked.words + " (`DUTY_ADMINS`), so nothing was "
                + "changed. Anyone may `join`, `leave`, `away me <from> <to>` and `back me`.");
    }

    private boolean inGroup(String actor) {
        if (admins.group().isEmpty()) {
            return false;
        }
        String group = admins.group().get();
        try {
            return groups.includes(group, actor);
        } catch (GroupMembership.Unavailable e) {
            throw new IncidentRuleViolation("I could not check whether you are in <!subteam^" + group + ">, who may "
                    + "change someone else's place on the duty roster (" + e.getMessage() + "). Nothing was changed; "
                    + "please try again in a moment.");
        }
    }

    private String who() {
        List<String> names = new ArrayList<>();
        admins.users().stream().sorted().forEach(user -> names.add("<@" + user + ">"));
        admins.group().ifPresent(group -> names.add("the members of <!subteam^" + group + ">"));
        if (names.size() == 1) {
            return names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }
}
