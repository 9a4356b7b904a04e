package dev.mayday.faults;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mayday.sandbox.SlackSimulator;
import dev.mayday.sandbox.SlackSimulator.SlackReply;
import dev.mayday.sandbox.fake.FakeSlack;
import dev.mayday.sandbox.pagerduty.FakePagerDuty;
import dev.mayday.sandbox.pagerduty.WebhookDeliveries;

import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * The traffic of the crash test, sent by {@link ClientThreads}: declaring incidents (slash command and PagerDuty
 * page), posting messages in incident channels (and Slack's retries of them), notes, updates, status changes, resolves
 * and PagerDuty events, as fast as a busy incident would. Every answer is entered in the {@link Ledger}.
 */
final class CrashTraffic {

    private static final String[] USERS = {"U0ALEX", "U0SAM", "U0KIM"};
    private static final String[] STATUSES = {"investigating", "identified", "monitoring"};
    /** Channel traffic goes to the newest incidents, as people talk in the incidents that are going on. */
    private static final int ACTIVE_INCIDENTS = 10;

    private final FakeSlack slack;
    private final PagerDutyTraffic pagerDuty;
    private final String generalChannel;
    private final Ledger ledger;
    private final ReadyChannels ready;
    private final AtomicInteger sequence = new AtomicInteger();
    private final AtomicLong lastMicros = new AtomicLong();
    private final List<SentEvent> sentMessages = new CopyOnWriteArrayList<>();

    private record SentEvent(ObjectNode event, String eventId, String text) {
    }

    CrashTraffic(FakeSlack slack, FakePagerDuty pagerDuty, WebhookDeliveries webhooks, String generalChannel,
                 Ledger ledger) {
        this.slack = slack;
        this.pagerDuty = new PagerDutyTraffic(pagerDuty, webhooks, ledger, sequence);
        this.generalChannel = generalChannel;
        this.ledger = ledger;
        this.ready = new ReadyChannels(slack);
    }

    /**
     * Before the first kill: two declarations, a page, and a message and a note in each of their channels (notes on
     * the page reach PagerDuty), one at a time, each repeated until accepted: every run has work on every path.
     */
    void seed(URI base, String signingSecret) throws InterruptedException {
        SlackSimulator simulator = simulator(base, signingSecret);
        URI webhookEndpoint = base.resolve("/pagerduty/webhook");
        untilAccepted("a declaration", () -> declare(simulator, USERS[0], 0));
        untilAccepted("a declaration", () -> declare(simulator, USERS[1], 0));
        untilAccepted("a page", () -> pagerDuty.page(webhookEndpoint));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (ready.newest(ACTIVE_INCIDENTS).size() < 3) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the first three incidents' cards were not up within 60 s");
            }
            Thread.sleep(50);
        }
        for (String channel : ready.newest(ACTIVE_INCIDENTS)) {
            untilAccepted("a message", () -> message(simulator, USERS[2], channel));
            untilAccepted("a note", () -> note(simulator, USERS[2], channel, 0));
        }
    }

    /** Starts {@code threads} clients against the server at {@code base}; they run until they are stopped. */
    ClientThreads start(URI base, String signingSecret, int round, long seed, int threads) {
        SlackSimulator simulator = simulator(base, signingSecret);
        URI webhookEndpoint = base.resolve("/pagerduty/webhook");
        return ClientThreads.start("crash-client-" + round, threads, seed,
                rng -> step(rng, round, simulator, webhookEndpoint));
    }

    private void step(Random rng, int round, SlackSimulator sim, URI webhookEndpoint) {
        List<String> channels = ready.newest(ACTIVE_INCIDENTS);
        int dice = rng.nextInt(100);
        String user = USERS[rng.nextInt(USERS.length)];
        try {
            if (channels.isEmpty() || dice < 2) {
                declare(sim, user, round);
            } else if (dice < 4) {
                pagerDuty.page(webhookEndpoint);
            } else if (dice < 12 && !ledger.pages.isEmpty()) {
                pagerDuty.event(rng, webhookEndpoint);
            } else if (dice < 14 && pagerDuty.hasSent()) {
                pagerDuty.redeliver(rng, webhookEndpoint);
            } else if (dice < 19 && !sentMessages.isEmpty()) {
                redeliverMessage(rng, sim);
            } else {
                String channel = channels.get(rng.nextInt(channels.size()));
                inChannel(rng, sim, user, channel, round);
            }
        } catch (UncheckedIOException | IllegalStateException noAnswer) {
            // the server died under the request (or was not there): Slack would retry, nothing was promised
            ledger.count("request", "no answer");
        }
    }

    private void inChannel(Random rng, SlackSimulator sim, String user, String channel, int round) {
        int dice = rng.nextInt(100);
        int n = sequence.incrementAndGet();
        if (dice < 45) {
            message(sim, user, channel);
        } else if (dice < 70) {
            note(sim, user, channel, round);
        } else if (dice < 83) {
            String text = "crash update " + n;
            if (command(sim, "update", user, channel, "update " + text).equals("accepted")) {
                ledger.updates.add(new Ledger.ChannelText(channel, text));
            }
        } else if (dice < 98) {
            if (command(sim, "status", user, channel, "status " + STATUSES[rng.nextInt(STATUSES.length)])
                    .equals("accepted")) {
                ledger.statusChanges.computeIfAbsent(channel, c -> new AtomicInteger()).incrementAndGet();
            }
        } else if (command(sim, "resolve", user, channel, "resolve crash test " + n).equals("accepted")) {
            ledger.resolves.add(channel);
        }
    }

    private boolean message(SlackSimulator sim, String user, String channel) {
        int n = sequence.incrementAndGet();
        String text = "crash message " + n;
        ObjectNode event = sim.message(user, channel, nextTs(), text);
        String eventId = "EvCrash" + n;
        sentMessages.add(new SentEvent(event, eventId, text));
        boolean accepted = is2xx(sim.deliver(event, eventId).status());
        if (accepted) {
            ledger.messages.put(text, eventId);
        }
        ledger.count("message", accepted ? "accepted" : "not accepted");
        return accepted;
    }

    private boolean note(SlackSimulator sim, String user, String channel, int round) {
        String text = "crash note " + sequence.incrementAndGet() + " (round " + round + ")";
        String outcome = command(sim, "note", user, channel, "note " + text);
        if (outcome.equals("accepted")) {
            ledger.notes.add(new Ledger.ChannelText(channel, text));
        } else if (outcome.equals("refused") || outcome.equals("failed")) {
            ledger.refusedNotes.add(new Ledger.ChannelText(channel, text));
        }
        return outcome.equals("accepted");
    }

    private boolean declare(SlackSimulator sim, String user, int round) {
        int n = sequence.incrementAndGet();
        String trigger = "crash-trigger-" + n;
        SlackReply reply = sim.command(user, generalChannel, "declare sev2 Crash r" + round + " n" + n, trigger);
        String outcome = outcome(reply);
        if (outcome.equals("accepted")) {
            ledger.declares.add(trigger);
        } else if (outcome.equals("failed")) {
            ledger.failedDeclares.add(trigger);
        }
        ledger.count("declare", outcome);
        return outcome.equals("accepted");
    }

    private void redeliverMessage(Random rng, SlackSimulator sim) {
        SentEvent sent = sentMessages.get(rng.nextInt(sentMessages.size()));
        SlackReply reply = sim.redeliver(sent.event(), sent.eventId(), 1, "http_timeout");
        if (is2xx(reply.status())) {
            ledger.messages.put(sent.text(), sent.eventId());
        }
        ledger.count("message retry", is2xx(reply.status()) ? "accepted" : "http " + reply.status());
    }

    private String command(SlackSimulator sim, String name, String user, String channel, String text) {
        String outcome = outcome(sim.command(user, channel, text, "crash-trigger-" + sequence.incrementAndGet()));
        ledger.count(name, outcome);
        return outcome;
    }

    /** accepted, refused (":warning:", a rule said no), failed (":x:", Mayday could not save it), other, http N. */
    private static String outcome(SlackReply reply) {
        if (!is2xx(reply.status())) {
            return "http " + reply.status();
        }
        String text = reply.body().isEmpty() ? "" : reply.text();
        if (text.isEmpty() || text.startsWith(":rotating_light: Declaring incident")) {
            return "accepted";
        }
        return text.startsWith(":warning:") ? "refused" : text.startsWith(":x:") ? "failed" : "other";
    }

    static boolean is2xx(int status) {
        return status >= 200 && status < 300;
    }

    /** A Slack ts no other message of the test has, in the present: seconds and microseconds. */
    private String nextTs() {
        long now = Instant.now().toEpochMilli() * 1000;
        long micros = lastMicros.updateAndGet(last -> Math.max(last + 1, now));
        return String.format("%d.%06d", micros / 1_000_000, micros % 1_000_000);
    }

    private SlackSimulator simulator(URI base, String signingSecret) {
        return new SlackSimulator(base.resolve("/slack/events"), signingSecret, slack::responseUrl);
    }

    /** A busy store may answer ":x: try again" now and then; a person would try again. */
    private static void untilAccepted(String what, BooleanSupplier request) throws InterruptedException {
        for (int attempt = 1; attempt <= 10; attempt++) {
            if (request.getAsBoolean()) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError(what + " was not accepted in 10 tries, with no kill pending");
    }

}
