package dev.mayday.digest;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * What the digest says of restore drills: when the last that passed finished and how long its restore took, and
 * whether the latest drill failed. {@link #none()} when no drill was ever run: then the digest says nothing of them.
 */
public record DrillFacts(Optional<Instant> lastPassedAt, Optional<Duration> restoreTook, boolean lastFailed) {

    public static DrillFacts none() {
        return new DrillFacts(Optional.empty(), Optional.empty(), false);
    }

    public boolean any() {
        return lastPassedAt.isPresent() || lastFailed;
    }

    /** One sentence for the digest, the date in the team's zone. */
    public String sentence(ZoneId zone) {
        String passed = lastPassedAt.map(at -> DigestText.dateTime(at, zone)).orElse("");
        String took = restoreTook.map(d -> d.toMillis() + " ms").orElse("");
        if (lastPassedAt.isEmpty()) {
            return "⚠️ No restore drill has passed yet: the last one failed. Run `drill` to see why.";
        }
        if (lastFailed) {
            return "⚠️ The last restore drill failed. The last that passed was on " + passed + "; restoring took "
                    + took + ".";
        }
        return "The last restore drill passed on " + passed + "; restoring the backup took " + took + ".";
    }
}
