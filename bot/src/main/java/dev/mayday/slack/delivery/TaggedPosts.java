package dev.mayday.slack.delivery;

import com.slack.api.model.block.LayoutBlock;
import dev.mayday.outbox.Attempt;
import dev.mayday.slack.api.SlackCallFailed;
import dev.mayday.slack.api.SlackGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Posts a message at most once per tag, as far as Slack lets us know: every post carries its tag in its message
 * metadata, and a post that may have happened already (a retry after a timeout, a 5xx or a crash) is first looked for
 * by its tag in the channel's history since it was owed.
 * <p>
 * <b>When the history cannot be read</b> (Slack fails the lookup, or the bot may post in a channel whose history it
 * cannot read, such as an announcement channel it never joined), the message is posted: a rare double post is better
 * than a message that never arrives. The failed lookup is logged. Every tagged post in Mayday goes through here, so
 * this is the one place that policy lives.
 */
public final class TaggedPosts {

    private static final Logger log = LoggerFactory.getLogger(TaggedPosts.class);

    private final SlackGateway slack;

    public TaggedPosts(SlackGateway slack) {
        this.slack = slack;
    }

    /**
     * Posts {@code text} (and {@code blocks}, may be null) in {@code channel} under {@code tag}, unless
     * {@code mayHavePosted} and a message with that tag was posted there since {@code since}. Returns the ts of the
     * message posted or found.
     */
    public String postOnce(String channel, String tag, String text, List<LayoutBlock> blocks, Instant since,
                           boolean mayHavePosted) {
        if (mayHavePosted) {
            Optional<String> earlier = findOrNothing(channel, tag, since);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        return slack.postTagged(channel, text, blocks, tag);
    }

    /** {@link #postOnce(String, String, String, List, Instant, boolean)} for an outbox delivery's attempt. */
    public String postOnce(String channel, String tag, String text, List<LayoutBlock> blocks, Attempt attempt) {
        return postOnce(channel, tag, text, blocks, attempt.queuedAt(), attempt.isRetry());
    }

    /**
     * {@link #postOnce} as a reply in the thread of {@code threadTs}, for an outbox delivery's attempt: on a retry the
     * thread's replies are looked through for the tag first.
     */
    public String replyOnce(String channel, String threadTs, String tag, String text, Attempt attempt) {
        if (attempt.isRetry()) {
            Optional<String> earlier = findOrNothing(tag, () -> slack.findTaggedReply(channel, threadTs, tag,
                    attempt.queuedAt()));
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        return slack.postTaggedReply(channel, threadTs, text, tag);
    }

    private Optional<String> findOrNothing(String channel, String tag, Instant since) {
        return findOrNothing(tag, () -> slack.findTagged(channel, tag, since));
    }

    private Optional<String> findOrNothing(String tag, Supplier<Optional<String>> lookup) {
        try {
            return lookup.get();
        } catch (SlackCallFailed e) {
            log.warn("Could not look for an earlier post tagged {}; posting it: {}", tag, e.error());
            return Optional.empty();
        }
    }
}
