package dev.mayday.postmortem;

import dev.mayday.timeline.TimelineEntry;
import dev.mayday.timeline.TimelineKind;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The longest time the incident went without a status update, status change or severity change while it was open
 * (declared until resolved, or until the draft was written): what update reminders were about.
 */
record QuietStretch(Instant from, Instant to) {

    /** What breaks a quiet stretch, as the reminders count it. */
    private static final Set<TimelineKind> ACTIVITY = EnumSet.of(TimelineKind.DECLARED, TimelineKind.UPDATE_POSTED,
            TimelineKind.STATUS_CHANGED, TimelineKind.SEVERITY_CHANGED);

    Duration length() {
        return Duration.between(from, to);
    }

    static Optional<QuietStretch> longest(Instant declared, List<TimelineEntry> timeline, Instant end) {
        Instant last = declared;
        QuietStretch longest = null;
        for (TimelineEntry entry : timeline) {
            if (entry.deleted() || entry.occurredAt().isBefore(declared) || entry.occurredAt().isAfter(end)) {
                continue;
            }
            if (ACTIVITY.contains(entry.kind()) || entry.kind() == TimelineKind.RESOLVED) {
                longest = longer(longest, new QuietStretch(last, entry.occurredAt()));
                last = entry.occurredAt();
            }
        }
        longest = longer(longest, new QuietStretch(last, end));
        return longest.length().isZero() ? Optional.empty() : Optional.of(longest);
    }

    private static QuietStretch longer(QuietStretch a, QuietStretch b) {
        return a == null || b.length().compareTo(a.length()) > 0 ? b : a;
    }
}
