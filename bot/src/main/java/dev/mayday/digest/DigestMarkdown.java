package dev.mayday.digest;

import dev.mayday.incident.Severity;
import dev.mayday.postmortem.PersonNames;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Renders a {@link DigestReport} as Markdown: the CLI's output, and the structure Slack's blocks are made from. What
 * people and PagerDuty wrote (titles, learnings, action items, service names) goes through {@code text}, which writes
 * it for the target on one line, so it can neither break the layout nor act as markup there.
 */
final class DigestMarkdown {

    /** A quiet digest stays short: the oldest open follow-ups, then how many more. */
    static final int QUIET_ACTIONS_SHOWN = 10;

    private final DigestReport report;
    private final PersonNames names;
    private final UnaryOperator<String> text;
    private final StringBuilder out = new StringBuilder();

    DigestMarkdown(DigestReport report, PersonNames names, UnaryOperator<String> text) {
        this.report = report;
        this.names = names;
        this.text = text;
    }

    String render() {
        header();
        if (report.quiet()) {
            line("**Quiet week:** no incidents were declared (last week: " + report.declared().lastWeek() + ").");
            line("");
            stillOpen();
            learnings();
            openFollowUps();
            statusUpdates();
            practice();
            premortems();
            drills();
        } else {
            incidents();
            stillOpen();
            responseTimes();
            statusUpdates();
            learnings();
            followUps();
            duty();
            dependencies();
            backPressure();
            practice();
            premortems();
            drills();
        }
        return out.toString().stripTrailing() + "\n";
    }

    private void header() {
        IsoWeek week = report.week();
        line("# Weekly learnings digest: " + week + " (" + DigestText.day(week.start(report.zone()), report.zone())
                + " to " + DigestText.day(week.sunday().atStartOfDay(report.zone()).toInstant(), report.zone())
                + ", " + report.zone().getId() + ")");
        if (report.inProgress()) {
            line("_Preview of the week so far, as of " + DigestText.dateTime(report.asOf(), report.zone()) + "._");
        }
        line("");
    }

    private void incidents() {
        WeekCount total = report.declared();
        section("Incidents");
        line(DigestText.plural(total.thisWeek(), "incident") + " declared " + against(total) + ".");
        for (Severity severity : Severity.values()) {
            WeekCount count = report.bySeverity().get(severity);
            line("- " + severity.label() + ": " + count.thisWeek() + " " + against(count));
        }
        line("");
    }

    private void stillOpen() {
        if (report.stillOpen().isEmpty()) {
            return;
        }
        section("Still open");
        report.stillOpen().forEach(i -> line("- " + text.apply(i.incident()) + ": " + i.severity().label() + ", "
                + i.status().label() + ", open for " + DigestText.duration(i.openFor()) + ", led by "
                + names.name(i.lead())));
        line("");
    }

    private void responseTimes() {
        section("Response times");
        line("- Time to acknowledge: " + time(report.toAcknowledge()));
        line("- Time to resolve: " + time(report.toResolve()));
        line("");
    }

    private static String time(ResponseTime time) {
        ResponseTime.Sample now = time.thisWeek();
        if (!now.enough()) {
            return "not enough data (" + now.samples() + " recorded of " + now.incidents() + " incidents; "
                    + ResponseTime.MIN_SAMPLES + " needed)";
        }
        String text = "median " + DigestText.duration(now.median().orElseThrow()) + ", worst "
                + DigestText.duration(now.worst().orElseThrow());
        ResponseTime.Sample before = time.lastWeek();
        return text + (before.enough()
                ? " (last week: median " + DigestText.duration(before.median().orElseThrow()) + " "
                        + time.trend().orElseThrow().arrow() + ")"
                : " (last week: not enough data)");
    }

    private void learnings() {
        if (report.learnings().isEmpty() && report.quiet()) {
            return;
        }
        section("What we learned");
        if (report.learnings().isEmpty()) {
            line("No post-mortem closed this week.");
        }
        report.learnings().forEach(l -> line("- " + text.apply(l.incident()) + ": " + text.apply(l.text())));
        line("");
    }

    private void followUps() {
        section("Follow-ups");
        line("Opened " + report.actionsOpened().size() + " · done " + report.actionsDone().size() + " · overdue "
                + report.overdue().size() + " · open " + report.openActions().size());
        list("Overdue (open more than " + DigestText.days(report.settings().overdueAfter())
                + ", oldest first):", report.overdue(), true);
        list("Opened this week:", report.actionsOpened(), false);
        list("Done this week:", report.actionsDone(), false);
        line("");
    }

    private void openFollowUps() {
        section("Open follow-ups");
        List<FollowUp> open = report.openActions();
        if (open.isEmpty()) {
            line("None: every follow-up is done.");
        }
        open.stream().limit(QUIET_ACTIONS_SHOWN).forEach(f -> line("- " + item(f, true)
                + (report.overdue().contains(f) ? " **(overdue)**" : "")));
        if (open.size() > QUIET_ACTIONS_SHOWN) {
            line("- … and " + (open.size() - QUIET_ACTIONS_SHOWN) + " more");
        }
    }

    private void list(String title, List<FollowUp> items, boolean withAge) {
        if (items.isEmpty()) {
            return;
        }
        line("");
        line(title);
        items.forEach(f -> line("- " + item(f, withAge)));
    }

    private String item(FollowUp f, boolean withAge) {
        return text.apply(f.incident()) + ": " + text.apply(f.text()) + " (" + f.ownerId().map(names::name).orElse("no owner")
                + (withAge ? ", open " + DigestText.duration(f.age()) : "") + ")";
    }

    private void duty() {
        DutyLoad duty = report.duty();
        section("Duty load");
        if (duty.people().isEmpty()) {
            line("Nobody is on the duty roster.");
            line("");
            return;
        }
        int weeks = duty.historyWeeks();
        line("| person | kind | led this week | responded this week | led (" + weeks + " weeks) | responded ("
                + weeks + " weeks) |");
        line("|---|---|---|---|---|---|");
        duty.people().forEach(p -> line("| " + names.name(p.userId()) + " | "
                + p.kind().map(k -> k.label()).orElse("not on the roster") + " | " + p.ledThisWeek() + " | "
                + p.respondedThisWeek() + " | " + p.ledInHistory() + " | " + p.respondedInHistory() + " |"));
        line("");
        line(kind(duty.engineers(), weeks));
        line(kind(duty.managers(), weeks));
        line("");
        line("Spread over " + weeks + " weeks: " + DigestText.plural(duty.spread(), "lead")
                + " between the most and the fewest.");
        line("");
    }

    private static String kind(DutyLoad.KindShare share, int weeks) {
        String label = share.kind().plural();
        return "- " + Character.toUpperCase(label.charAt(0)) + label.substring(1) + ": " + share.members()
                + " on the roster (" + DigestText.percent(share.rosterShare()) + "), led "
                + share.leadsThisWeek() + " this week (" + DigestText.percent(share.weekShare()) + ") and "
                + share.leadsInHistory() + " over " + weeks + " weeks (" + DigestText.percent(share.historyShare())
                + ")";
    }

    private void dependencies() {
        if (report.dependencies().isEmpty()) {
            return;
        }
        section("Single points of failure");
        report.dependencies().forEach(d -> line("- " + d.sentence(names, text)));
        line("");
    }

    private void backPressure() {
        section("Back pressure");
        line((report.backPressure().overCapacity() ? "⚠️ " : "") + report.backPressure().sentence());
    }

    /** Whether incidents were kept up to date without being reminded; only in a week that had updates or reminders. */
    private void statusUpdates() {
        if (!report.updates().any()) {
            return;
        }
        section("Status updates");
        line(report.updates().sentence());
        line("");
    }

    /** The week's practice incidents, only in a week that had one: "Practice: 2 drills — …". */
    private void practice() {
        if (report.practice().isEmpty()) {
            return;
        }
        if (!out.toString().endsWith("\n\n")) {
            line("");
        }
        section("Practice");
        line("Practice: " + DigestText.plural(report.practice().size(), "drill") + " — " + String.join("; ",
                report.practice().stream().map(this::drill).toList()) + ". Drills count in the duty load, and nowhere "
                + "else in this digest.");
        line("");
    }

    private String drill(PracticeDrill drill) {
        return text.apply(drill.incident()) + " (" + drill.severity().label() + ", led by " + names.name(drill.lead())
                + ", " + drill.resolvedIn().map(d -> "resolved in " + DigestText.duration(d)).orElse("not resolved")
                + ")";
    }

    /** Only in a week with a pre-mortem held or an incident one foresaw. */
    private void premortems() {
        if (!report.premortems().any()) {
            return;
        }
        if (!out.toString().endsWith("\n\n")) {
            line("");
        }
        section("Pre-mortems");
        line(report.premortems().sentence(report.declared().thisWeek()));
        line("");
    }

    /** Only for a team whose drills have run: the others have nothing to hear about here. */
    private void drills() {
        if (!report.drills().any()) {
            return;
        }
        if (!out.toString().endsWith("\n\n")) {
            line("");
        }
        section("Backups");
        line(report.drills().sentence(report.zone()));
    }

    private static String against(WeekCount count) {
        return "(last week " + count.lastWeek() + " " + count.trend().arrow() + ")";
    }

    private void section(String title) {
        line("## " + title);
    }

    private void line(String text) {
        out.append(text).append('\n');
    }
}
