package dev.mayday.digest;

import dev.mayday.incident.Severity;
import dev.mayday.postmortem.MarkdownText;
import dev.mayday.postmortem.PersonNames;
import dev.mayday.text.UserText;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * The weekly learnings digest of {@code week}, as of {@code asOf}: structured for the Slack adapter's blocks, and as
 * Markdown for the CLI and previews. A week with no incidents declared is {@link #quiet()}.
 *
 * <p>{@code bySeverity} has every severity (zeros included) in SEV1..SEV4 order; {@code overdue} and {@code openActions}
 * are oldest first; {@code dependencies} are the single-point-of-failure warnings; {@code drills} what the restore
 * drills showed; {@code updates} the week's status updates and reminders; {@code practice} the week's practice
 * incidents (drills), which no other part counts but the duty load; {@code premortems} the week's pre-mortems.
 */
public record DigestReport(IsoWeek week, ZoneId zone, Instant asOf, WeekCount declared,
                           Map<Severity, WeekCount> bySeverity, List<OpenIncident> stillOpen,
                           ResponseTime toAcknowledge, ResponseTime toResolve, List<LearningLine> learnings,
                           List<FollowUp> actionsOpened, List<FollowUp> actionsDone, List<FollowUp> overdue,
                           List<FollowUp> openActions, DutyLoad duty, List<Dependency> dependencies,
                           BackPressure backPressure, DigestSettings settings, DrillFacts drills,
                           StatusUpdates updates, List<PracticeDrill> practice, PremortemCount premortems) {

    public DigestReport {
        bySeverity = Map.copyOf(bySeverity);
        stillOpen = List.copyOf(stillOpen);
        learnings = List.copyOf(learnings);
        actionsOpened = List.copyOf(actionsOpened);
        actionsDone = List.copyOf(actionsDone);
        overdue = List.copyOf(overdue);
        openActions = List.copyOf(openActions);
        dependencies = List.copyOf(dependencies);
        practice = List.copyOf(practice);
    }

    /** No incident declared this week: the short form, which still lists the open follow-ups. */
    public boolean quiet() {
        return declared.thisWeek() == 0;
    }

    /** The week is not over at {@code asOf}: a preview of the week so far. */
    public boolean inProgress() {
        return asOf.isBefore(week.end(zone));
    }

    public String toMarkdown() {
        return toMarkdown(PersonNames.userIds());
    }

    public String toMarkdown(PersonNames names) {
        return new DigestMarkdown(this, names, stored -> MarkdownText.inline(stored, names)).render();
    }

    /**
     * The same Markdown with what people wrote already as inert Slack mrkdwn on one line, for the blocks posted to
     * the digest channel and the preview: no mention, broadcast or disguised link can come out of it.
     */
    public String toSlackMarkdown() {
        return toSlackMarkdown(PersonNames.userIds());
    }

    /** As {@link #toSlackMarkdown()}, naming people with {@code names} (plain names, which notify nobody). */
    public String toSlackMarkdown(PersonNames names) {
        return new DigestMarkdown(this, names,
                stored -> UserText.inert(stored).replaceAll("\\s*\\R\\s*", " ")).render();
    }
}
