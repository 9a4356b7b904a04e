package dev.mayday.slack;

import dev.mayday.digest.Digest;
import dev.mayday.digest.DigestFactsLoader;
import dev.mayday.digest.DigestLedger;
import dev.mayday.digest.DigestRecord;
import dev.mayday.digest.DigestTurns;
import dev.mayday.digest.IsoWeek;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Posts the weekly learnings digest to {@code DIGEST_CHANNEL}, exactly once per ISO week. Each tick asks the
 * ledger whose turn it is: the caller that claims the week posts it; a claim that was never recorded as posted
 * (a crash between posting and recording) is taken over by one caller, which looks for the tagged message in the
 * channel before posting, so overlapping timers, restarts and a crash between the two steps never post twice.
 * A slot missed while the bot was down is due at the next start.
 */
public final class DigestPoster implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DigestPoster.class);

    private final DigestTurns turns;
    private final DigestLedger ledger;
    private final DigestFactsLoader facts;
    private final SlackGateway slack;
    private final String channel;
    private final Clock clock;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "mayday-digest");
        thread.setDaemon(true);
        return thread;
    });

    public DigestPoster(DigestTurns turns, DigestLedger ledger, DigestFactsLoader facts, SlackGateway slack,
                        String channel, Clock clock) {
        this.turns = turns;
        this.ledger = ledger;
        this.facts = facts;
        this.slack = slack;
        this.channel = channel;
        this.clock = clock;
    }

    public void start() {
        timer.scheduleWithFixedDelay(this::tickQuietly, 0, 1, TimeUnit.MINUTES);
    }

    /** One look at the schedule; posts or reconciles the due week when it is this caller's turn. */
    public void tick() {
        DigestTurns.Turn turn = turns.next();
        switch (turn.action()) {
            case POST -> post(turn.week());
            case RECONCILE -> reconcile(turn.week(), turn.record());
            case NOTHING -> { }
        }
    }

    private void reconcile(IsoWeek week, Optional<DigestRecord> record) {
        Instant since = record.map(DigestRecord::intentAt).orElse(week.end(facts.zone()));
        Optional<String> earlier = slack.findTagged(channel, DigestLedger.tag(week), since);
        if (earlier.isPresent()) {
            ledger.recordPosted(week, channel, earlier.get());
        } else {
            post(week);
        }
    }

    private void post(IsoWeek week) {
        String markdown = Digest.build(facts.load(week, clock.instant())).toSlackMarkdown();
        String ts = slack.postTagged(channel, "Weekly learnings digest " + week.format(), DigestBlocks.of(markdown),
                DigestLedger.tag(week));
        ledger.recordPosted(week, channel, ts);
        log.info("Posted the digest of {}", week.format());
    }

    private void tickQuietly() {
        try {
            tick();
        } catch (RuntimeException e) {
            log.warn("Digest tick failed (it is tried again in a minute): {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
