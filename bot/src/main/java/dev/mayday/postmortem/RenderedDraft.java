package dev.mayday.postmortem;

import java.util.List;

/** A draft as Markdown, with its key durations and the blameless review's findings for a short summary. */
public record RenderedDraft(String markdown, KeyDurations durations, List<BlameFinding> findings) {

    public RenderedDraft {
        findings = List.copyOf(findings);
    }
}
