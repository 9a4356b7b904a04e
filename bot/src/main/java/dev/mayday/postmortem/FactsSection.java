package dev.mayday.postmortem;

import dev.mayday.incident.Incident;
import dev.mayday.incident.Severity;
import dev.mayday.timeline.TimelineEntry;
import dev.mayday.timeline.TimelineKind;

import java.time.Instant;
import java.util.Optional;

/** The title, the header facts, the milestone times and the durations between them. */
final class FactsSection {

    private FactsSection() {
    }

    static void write(DraftContext c, StringBuilder out) {
        Incident incident = c.incident();
        LocalTimes times = c.times();
        out.append(incident.isPractice() ? "# Practice post-mortem draft: " : "# Post-mortem draft: ")
                .append(text(c, incident.title())).append("\n\n");
        if (incident.isPractice()) {
            out.append("> 🧪 **PRACTICE.** This was a drill, declared with `--drill`: nothing was broken and "
                    + "nobody was paged. It counts toward duty load; the weekly digest lists it apart from "
                    + "incidents.\n\n");
        }
        out.append("Incident #").append(incident.id()).append(" · draft version ").append(c.facts().version())
                .append(" · generated ").append(times.dateTime(c.facts().generatedAt()))
                .append(" · times in ").append(times.zone().getId()).append("\n\n");
        out.append("> Mayday wrote this draft from what was recorded during the incident. The facts are exact where "
                + "they were recorded and say \"not recorded\" where nothing was; nothing is estimated. The sections "
                + "to fill in ask how the system made this possible, not who is to blame.\n\n");

        out.append("## Facts\n\n");
        out.append("- **Severity:** ").append(incident.severity().label()).append(" (")
                .append(incident.severity().meaning()).append(")\n");
        out.append("- **Severity history:** ");
        severityHistory(c, out);
        out.append('\n');
        out.append("- **Status:** ").append(incident.status().label()).append('\n');
        LeadTerm lead = c.leads().get(c.leads().size() - 1);
        out.append("- **Lead:** ").append(c.person(lead.lead()));
        if (c.leads().size() > 1) {
            out.append(" (since ").append(times.dateTime(lead.from())).append("; ").append(c.leads().size() - 1)
                    .append(c.leads().size() == 2 ? " hand-off" : " hand-offs").append(", see People)");
        }
        out.append('\n');
        out.append("- **Paired responder:** ")
                .append(incident.people().pairedResponder().map(c::person).orElse("none recorded")).append('\n');
        out.append("- **Declared by:** ").append(c.person(incident.people().declaredBy())).append('\n');
        if (incident.place().channelName() != null) {
            out.append("- **Channel:** #").append(MarkdownText.escape(incident.place().channelName())).append('\n');
        }
        if (incident.summary() != null) {
            out.append("- **Summary when declared:** ").append(text(c, incident.summary())).append('\n');
        }
        if (incident.resolution() != null) {
            out.append("- **Resolution:** ").append(text(c, incident.resolution())).append('\n');
        }
        updates(c, out);
        out.append('\n');
        milestones(c, out);
        durations(c.milestones().durations(), out);
    }

    /** How often the lead was reminded to post an update, and the longest stretch without one while it was open. */
    private static void updates(DraftContext c, StringBuilder out) {
        int reminders = c.facts().updateReminders();
        out.append("- **Update reminders:** ").append(reminders == 0 ? "none" : String.valueOf(reminders)).append('\n');
        Instant end = Optional.ofNullable(c.incident().times().resolvedAt()).orElse(c.facts().generatedAt());
        QuietStretch.longest(c.incident().times().declaredAt(), c.entries(), end).ifPresent(quiet ->
                out.append("- **Longest stretch without an update:** ").append(LocalTimes.duration(quiet.length()))
                        .append(" (").append(c.times().dateTime(quiet.from())).append(" → ")
                        .append(c.times().dateTime(quiet.to())).append(")\n"));
    }

    private static void severityHistory(DraftContext c, StringBuilder out) {
        Severity declared = null;
        int changes = 0;
        StringBuilder history = new StringBuilder();
        for (TimelineEntry entry : c.entries()) {
            if (entry.kind() == TimelineKind.DECLARED && declared == null && entry.text() != null) {
                declared = Severity.parse(entry.text().split(" ", 2)[0]).orElse(null);
            }
            if (entry.kind() == TimelineKind.SEVERITY_CHANGED && !entry.deleted()) {
                if (declared == null && entry.text() != null) {
                    declared = Severity.parse(entry.text().split("→", 2)[0]).orElse(null);
                }
                history.append(" · ").append(text(c, String.valueOf(entry.text())))
                        .append(" at ").append(c.times().dateTime(entry.occurredAt()))
                        .append(" by ").append(c.person(entry.actor()));
                changes++;
            }
        }
        if (changes == 0) {
            out.append("unchanged since declared");
            return;
        }
        out.append("declared as ").append(declared == null ? LocalTimes.NOT_RECORDED : declared.label()).append(history);
    }

    private static void milestones(DraftContext c, StringBuilder out) {
        Milestones m = c.milestones();
        LocalTimes times = c.times();
        out.append("| milestone | when (").append(times.zone().getId()).append(") |\n|---|---|\n");
        out.append("| Declared | ").append(times.dateTime(m.declared())).append(" |\n");
        out.append("| Acknowledged (the lead's first action) | ").append(times.dateTime(m.acknowledged())).append(" |\n");
        out.append("| Mitigated (first move to monitoring) | ").append(times.dateTime(m.mitigated())).append(" |\n");
        out.append("| Resolved | ").append(times.dateTime(m.resolved())).append(" |\n");
        out.append("| Closed | ").append(times.dateTime(m.closed())).append(" |\n\n");
    }

    private static void durations(KeyDurations d, StringBuilder out) {
        out.append("| duration | from → to | length |\n|---|---|---|\n");
        row(out, "Time to acknowledge", "declared → acknowledged", d.toAcknowledge().map(LocalTimes::duration));
        row(out, "Time to mitigate", "declared → first monitoring", d.toMitigate().map(LocalTimes::duration));
        row(out, "Time to resolve", "declared → resolved", d.toResolve().map(LocalTimes::duration));
        row(out, "Total", "declared → closed", d.total().map(LocalTimes::duration));
        out.append('\n');
    }

    private static void row(StringBuilder out, String name, String span, Optional<String> length) {
        out.append("| ").append(name).append(" | ").append(span).append(" | ")
                .append(length.orElse(LocalTimes.NOT_RECORDED)).append(" |\n");
    }

    private static String text(DraftContext c, String raw) {
        StringBuilder out = new StringBuilder();
        MarkdownText.write(out, SlackText.parse(raw, c.facts().names()));
        return out.toString();
    }
}
