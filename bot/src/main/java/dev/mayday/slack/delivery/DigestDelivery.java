package dev.mayday.slack.delivery;

import dev.mayday.digest.Digest;
import dev.mayday.digest.DigestFactsLoader;
import dev.mayday.digest.DigestLedger;
import dev.mayday.digest.IsoWeek;
import dev.mayday.outbox.Attempt;
import dev.mayday.postmortem.PersonNames;
import dev.mayday.outbox.Delivery;
import dev.mayday.outbox.WeeklyDigest;
import dev.mayday.outbox.Withdrawn;
import dev.mayday.slack.views.DigestBlocks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Builds a week's digest and posts it to {@code DIGEST_CHANNEL}, tagged, so that a retry after a crash between posting
 * and recording finds it instead of posting again; then records where it landed.
 */
public final class DigestDelivery implements Delivery<WeeklyDigest> {

    private static final Logger log = LoggerFactory.getLogger(DigestDelivery.class);

    private final DigestFactsLoader facts;
    private final DigestLedger ledger;
    private final TaggedPosts posts;
    private final Optional<String> channel;
    private final Clock clock;
    private final Supplier<PersonNames> names;

    /** {@code names} names the people in each digest (plain names, looked up when it is built). */
    public DigestDelivery(DigestFactsLoader facts, DigestLedger ledger, TaggedPosts posts, Optional<String> channel,
                          Clock clock, Supplier<PersonNames> names) {
        this.facts = facts;
        this.ledger = ledger;
        this.posts = posts;
        this.channel = channel;
        this.clock = clock;
        this.names = names;
    }

    @Override
    public void deliver(WeeklyDigest digest, Attempt attempt) {
        String to = channel.orElseThrow(() -> new Withdrawn("DIGEST_CHANNEL is not set"));
        IsoWeek week = IsoWeek.parse(digest.week());
        Optional<String> earlier = attempt.result();
        String ts;
        if (earlier.isPresent()) {
            ts = earlier.get();
        } else {
            String markdown = Digest.build(facts.load(week, clock.instant())).toSlackMarkdown(names.get());
            ts = posts.postOnce(to, digest.tag(), "Weekly learnings digest " + week.format(), DigestBlocks.of(markdown),
                    attempt);
            attempt.recordResult(ts);
        }
        if (ledger.recordPosted(week, to, ts)) {
            log.info("Posted the digest of {}", week.format());
        }
    }
}
