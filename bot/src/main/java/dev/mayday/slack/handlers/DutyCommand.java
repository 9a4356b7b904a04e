package dev.mayday.slack.handlers;

import dev.mayday.incident.IncidentRuleViolation;
import dev.mayday.rotation.Absence;
import dev.mayday.rotation.DutyService;
import dev.mayday.rotation.MemberKind;
import dev.mayday.slack.views.DutyList;
import dev.mayday.slack.views.Mentions;
import dev.mayday.text.UserText;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code /incident duty …}: the roster behind the rotation. Works from any channel; every answer is for the person
 * who asked only. A refused request (a bad mention, date or kind, a member twice, someone else's place without being
 * a duty admin) changes nothing and says why. Each change is recorded with the person who asked.
 */
public final class DutyCommand {

    static final String HISTORY_FLAG = "--history";
    /** Enough to see who changed what lately; more would not fit one ephemeral message comfortably. */
    static final int HISTORY_LENGTH = 20;

    private final DutyService duty;
    private final DutyList list;

    public DutyCommand(DutyService duty) {
        this.duty = duty;
        this.list = new DutyList(duty.zone());
    }

    /** {@code args}: what follows {@code duty}. Returns the private reply; throws {@link IncidentRuleViolation}. */
    public String handle(String userId, String args) {
        List<String> words = args == null || args.isBlank() ? List.of()
                : Arrays.asList(args.strip().split("\\s+"));
        String verb = words.isEmpty() ? "" : words.get(0).toLowerCase(Locale.ROOT);
        List<String> rest = words.isEmpty() ? List.of() : words.subList(1, words.size());
        return switch (verb) {
            case "", "list" -> {
                if (rest.size() == 1 && rest.get(0).equalsIgnoreCase(HISTORY_FLAG)) {
                    yield list.history(duty.history(HISTORY_LENGTH));
                }
                expect(rest, 0, "list [" + HISTORY_FLAG + "]");
                yield list.render(duty.standing(), userId);
            }
            case "help" -> DutyList.HELP;
            case "join" -> join(userId, rest);
            case "leave" -> {
                expect(rest, 0, "leave");
                duty.leave(userId);
                yield ":wave: You left the duty roster. Your record is kept: `/incident duty join` any time and you "
                        + "start level with everyone else.";
            }
            case "add" -> add(userId, rest);
            case "remove" -> {
                expect(rest, 1, "remove @someone");
                String user = user(rest.get(0), userId);
                duty.leave(userId, user);
                yield ":wave: " + Mentions.of(user) + " is off the duty roster. Their record is kept for a rejoin.";
            }
            case "away" -> away(userId, rest);
            case "back" -> {
                if (rest.size() > 1) {
                    throw usage("back [@someone|me]");
                }
                String user = rest.isEmpty() ? userId : user(rest.get(0), userId);
                duty.back(userId, user);
                yield ":wave: " + Mentions.of(user) + " is back on the rotation from now on.";
            }
            default -> throw new IncidentRuleViolation("I don't know `/incident duty " + UserText.inert(verb) + "`.\n" + DutyList.HELP);
        };
    }

    private String join(String userId, List<String> rest) {
        if (rest.size() > 1) {
            throw usage("join [engineer|manager]");
        }
        MemberKind kind = rest.isEmpty() ? MemberKind.ENGINEER : kind(rest.get(0));
        duty.join(userId, kind);
        return ":white_check_mark: You are on the duty roster as " + DutyList.article(kind) + ". " + startsLevel("You");
    }

    private String add(String userId, List<String> rest) {
        expect(rest, 2, "add @someone engineer|manager");
        String user = user(rest.get(0), userId);
        MemberKind kind = kind(rest.get(1));
        duty.join(userId, user, kind);
        return ":white_check_mark: " + Mentions.of(user) + " is on the duty roster as " + DutyList.article(kind) + ". "
                + startsLevel(user.equals(userId) ? "You" : "They");
    }

    private String away(String userId, List<String> rest) {
        expect(rest, 3, "away @someone|me <from> <to>");
        String user = user(rest.get(0), userId);
        LocalDate from = date(rest.get(1));
        LocalDate to = date(rest.get(2));
        Absence absence = duty.away(userId, user, from, to);
        return ":palm_tree: " + Mentions.of(user) + " is away " + DutyList.days(absence, duty.zone())
                + ": the rotation skips them, and they earn neither credit nor debt meanwhile.";
    }

    private static String startsLevel(String who) {
        return who + " start level with the pool (nobody owes anybody a flood of incidents): `/incident duty list` "
                + "shows where everyone stands.";
    }

    private static String user(String token, String self) {
        if (token.equalsIgnoreCase("me")) {
            return self;
        }
        return Mentions.userId(token).orElseThrow(() -> new IncidentRuleViolation("`" + UserText.inert(token) + "` is not a person: "
                + "mention them (`@alex`) or write `me`, e.g. `/incident duty add @alex engineer`."));
    }

    private static MemberKind kind(String word) {
        return MemberKind.parse(word).orElseThrow(() -> new IncidentRuleViolation("`" + UserText.inert(word)
                + "` is not a kind of member: use `engineer` or `manager`."));
    }

    private static LocalDate date(String word) {
        try {
            return LocalDate.parse(word);
        } catch (DateTimeParseException e) {
            throw new IncidentRuleViolation("`" + UserText.inert(word) + "` is not a date: use yyyy-MM-dd, e.g. `2026-12-01`.");
        }
    }

    private static void expect(List<String> rest, int count, String usage) {
        if (rest.size() != count) {
            throw usage(usage);
        }
    }

    private static IncidentRuleViolation usage(String usage) {
        return new IncidentRuleViolation("Use `/incident duty " + usage + "`.");
    }
}
