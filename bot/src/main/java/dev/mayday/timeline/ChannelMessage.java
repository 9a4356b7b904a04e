package dev.mayday.timeline;

import java.util.Objects;

/**
 * A message as posted (or as it reads after an edit). {@code threadTs} is the parent's ts for a thread reply and
 * null otherwise; {@code byBot} marks messages from apps and integrations, which are not chatter.
 */
public record ChannelMessage(MessageRef ref, String threadTs, String author, String text, boolean byBot) {

    public ChannelMessage {
        Objects.requireNonNull(ref, "ref");
        // Slack gives a thread's parent a thread_ts equal to its own ts: that is not a reply.
        threadTs = ref.ts().equals(threadTs) ? null : threadTs;
        text = text == null ? "" : text;
    }

    /** What a person said: not an app's post, and with an author to credit. */
    public boolean isChatter() {
        return !byBot && author != null && !author.isBlank();
    }
}
