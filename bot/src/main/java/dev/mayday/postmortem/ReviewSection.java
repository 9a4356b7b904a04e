package dev.mayday.postmortem;

import java.util.List;
import java.util.Optional;

/**
 * The blameless-language review: a writing aid for whoever turns the draft into the post-mortem, grouped by
 * sentence so each quote appears once with every phrase found in it.
 */
final class ReviewSection {

    /** Enough to show the pattern; a channel with more needs a conversation rather than a longer list. */
    private static final int MAX_QUOTES = 100;

    private ReviewSection() {
    }

    static void write(DraftContext c, List<BlameFinding> findings, int textsReviewed, StringBuilder out) {
        out.append("## Blameless-language review\n\n");
        if (findings.isEmpty()) {
            out.append("_No phrases that blame a person were found in the ").append(textsReviewed)
                    .append(" texts reviewed (title, messages, notes, updates, action items, learnings)._\n");
            return;
        }
        out.append("_A writing aid for whoever turns this draft into the post-mortem, not a list of mistakes. These "
                + "phrases in the captured text can read as blame on a person; when quoting or summarising, prefer "
                + "the neutral wording. Remove this section before sharing the post-mortem._\n\n");
        int quotes = 0;
        int i = 0;
        while (i < findings.size()) {
            BlameFinding first = findings.get(i);
            int end = i;
            while (end < findings.size() && sameQuote(first, findings.get(end))) {
                end++;
            }
            if (quotes < MAX_QUOTES) {
                quote(c, findings.subList(i, end), out);
            }
            quotes++;
            i = end;
        }
        if (quotes > MAX_QUOTES) {
            out.append("\n_…and ").append(quotes - MAX_QUOTES).append(" more sentences like these._\n");
        }
    }

    private static void quote(DraftContext c, List<BlameFinding> same, StringBuilder out) {
        BlameFinding first = same.get(0);
        CapturedText from = first.from();
        out.append("- ").append(c.person(from.author())).append(", ").append(from.source()).append(" at ")
                .append(c.times().dateTime(from.at()));
        Optional<String> link = c.permalink(null, from.slackTs());
        link.ifPresent(url -> {
            MarkdownText.link(out.append(" ("), new SlackText.Link(url, "original"));
            out.append(')');
        });
        out.append(":\n  “").append(MarkdownText.escape(first.quote())).append("”\n");
        for (BlameFinding finding : same) {
            out.append("  - “").append(MarkdownText.escape(finding.phrase())).append("”: ")
                    .append(finding.suggestion()).append('\n');
        }
    }

    private static boolean sameQuote(BlameFinding a, BlameFinding b) {
        return a.from() == b.from() && a.quote().equals(b.quote());
    }
}
