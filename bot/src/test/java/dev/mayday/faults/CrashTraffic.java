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
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The traffic of the crash test: client threads declaring incidents (slash command and PagerDuty page), posting
 * messages in incident channels (and Slack's retries of them), notes, updates, status changes, resolves and
 * PagerDuty events, as fast as a busy incident would. Every answer is entered in the {@link Ledger}.
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

    /** Starts {@code threads} clients against the server at {@code base}; they run until {@link Clients#stop}. */
    Clients start(URI base, String signingSecret, int round, long seed, int threads) {
        SlackSimulator simulator = new SlackSimulator(base.resolve("/slack/events"), signingSecret, slack::responseUrl);
        URI webhookEndpoint = base.resolve("/pagerduty/webhook");
        Clients clients = new Clients();
        for (int i = 0; i < threads; i++) {
            Random rng = new Random(seed * 31 + i);
            Thread thread = new Thread(() -> {
                while (!clients.stopped) {
                    long began = System.nanoTime();
                    step(rng, round, simulator, webhookEndpoint);
                    clients.requests.incrementAndGet();
                    clients.busyNanos.addAndGet(System.nanoTime() - began);
                    pause(1 + rng.nextInt(6));
                }
            }, "crash-client-" + round + "-" + i);
            thread.setDaemon(true);
            clients.threads.add(thread);
            thread.start();
        }
        return clients;
    }

    static final class Clients {
        private final List<Thread> threads = new ArrayList<>();
        private final AtomicInteger requests = new AtomicInteger();
        private final AtomicLong busyNanos = new AtomicLong();
        private volatile boolean stopped;

        /** How many requests were sent, and their mean round trip, for the log. */
        String sent() {
            int n = requests.get();
            return n + " requests (mean " + (n == 0 ? 0 : busyNanos.get() / n / 1_000_000) + " ms)";
        }

        /** Stops the clients and waits for them; a request in flight fails within its own timeout. */
        void stop() throws InterruptedException {
            stopped = true;
            for (Thread thread : threads) {
                thread.join(TimeUnit.SECONDS.toMillis(30));
                if (thread.isAlive()) {
                    throw new AssertionError(thread.getName() + " did not stop");
                }
            }
        }
    }

    private void step(Random rng, int round, SlackSimulator sim, URI webhookEndpoint) {
        List<String> channels = ready.newest(ACTIVE_INCIDENTS);
        int dice = rng.nextInt(100);
        String user = USERS[rng.nextInt(USERS.length)];
        try {
            if (channels.isEmpty() || dice < 2) {
                declare(sim, user, round);
            } else if (dice < 4 || (ledger.pages.isEmpty() && dice < 15)) {
                pagerDuty.page(webhookEndpoint); // more often until one is in, so that every run has pages to work on
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
            String text = "crash message " + n;
            ObjectNode event = sim.message(user, channel, nextTs(), text);
            String eventId = "EvCrash" + n;
            sentMessages.add(new SentEvent(event, eventId, text));
            SlackReply reply = sim.deliver(event, eventId);
            if (is2xx(reply.status())) {
                ledger.messages.put(text, eventId);
            }
            ledger.count("message", is2xx(reply.status()) ? "accepted" : "http " + reply.status());
        } else if (dice < 70) {
            String text = "crash note " + n + " (round " + round + ")";
            String outcome = command(sim, "note", user, channel, "note " + text);
            if (outcome.equals("accepted")) {
                ledger.notes.add(new Ledger.ChannelText(channel, text));
            } else if (outcome.equals("refused") || outcome.equals("failed")) {
                ledger.refusedNotes.add(new Ledger.ChannelText(channel, text));
            }
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

    private void declare(SlackSimulator sim, String user, int round) {
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

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
