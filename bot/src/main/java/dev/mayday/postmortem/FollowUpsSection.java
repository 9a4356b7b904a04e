package dev.mayday.postmortem;

/** The action items and learnings captured so far, as the store has them. */
final class FollowUpsSection {

    private FollowUpsSection() {
    }

    static void write(DraftContext c, StringBuilder out) {
        out.append("## Action items\n\n");
        if (c.facts().actionItems().isEmpty()) {
            out.append("_None captured yet. Add them with `/incident action <text> [@owner]`._\n");
        }
        for (ActionItem item : c.facts().actionItems()) {
            out.append(item.isDone() ? "- [x] " : "- [ ] ");
            MarkdownText.write(out, SlackText.parse(item.text(), c.facts().names()));
            out.append(" — owner: ").append(item.ownerId().map(c::person).orElse("nobody yet"))
                    .append(" — ");
            if (item.isDone()) {
                out.append("done ").append(c.times().dateTime(item.doneAt())).append(" by ").append(c.person(item.doneBy()));
            } else {
                out.append("open, added ").append(c.times().dateTime(item.createdAt())).append(" by ")
                        .append(c.person(item.createdBy()));
            }
            out.append(" (#").append(item.id()).append(")\n");
        }
        out.append("\n## Learnings captured\n\n");
        if (c.facts().learnings().isEmpty()) {
            out.append("_None captured yet. Add them with `/incident learned <text>`._\n");
        }
        for (Learning learning : c.facts().learnings()) {
            out.append("- ");
            MarkdownText.write(out, SlackText.parse(learning.text(), c.facts().names()));
            out.append(" — ").append(c.person(learning.author())).append(", ")
                    .append(c.times().dateTime(learning.createdAt())).append('\n');
        }
        out.append('\n');
    }
}
