package dev.mayday.faults;

import dev.mayday.sandbox.fake.FakeSlack;
import dev.mayday.sandbox.fake.SlackCall;
import dev.mayday.sandbox.pagerduty.FakePagerDuty;
import dev.mayday.sandbox.pagerduty.PdRoute;

import java.util.Objects;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;

/**
 * When a round's server is killed. Half the time after a random delay; otherwise the moment one of the fakes receives
 * the n-th side effect of a random kind in the round (a channel created, a card, an announcement, a change line, the
 * on-call line, a PagerDuty note). The fake acts on the call while the server dies, so the kill lands between the
 * outside service acting and Mayday recording that it did: the window the outbox has to get right.
 */
record KillPoint(Kind kind, int n) {

    enum Kind {
        AFTER_DELAY_MS(null, 0),
        AFTER_CHANNEL_CREATED(call -> call.method().equals("conversations.create"), 2),
        AFTER_CARD(tagged("card-"), 2),
        AFTER_ANNOUNCEMENT(tagged("announcement-"), 2),
        AFTER_CHANGE_LINE(tagged("change-"), 15),
        AFTER_ON_CALL_LINE(call -> call.method().equals("chat.postMessage")
                && Objects.toString(call.param("text"), "").startsWith(CrashChecks.ON_CALL_LINE), 2),
        AFTER_PAGERDUTY_NOTE(null, 3);

        private final Predicate<SlackCall> slackCall;
        private final int maxN;

        Kind(Predicate<SlackCall> slackCall, int maxN) {
            this.slackCall = slackCall;
            this.maxN = maxN;
        }

        private static Predicate<SlackCall> tagged(String prefix) {
            return call -> call.method().equals("chat.postMessage")
                    && Objects.toString(call.param("metadata"), "").contains("\"" + prefix);
        }
    }

    /** A trigger that has not come by then (nothing of its kind this round) gives way to a plain kill. */
    private static final long TRIGGER_PATIENCE_MILLIS = 4_000;
    private static final int MAX_DELAY_MILLIS = 3_000;

    static KillPoint random(Random rng) {
        if (rng.nextBoolean()) {
            return new KillPoint(Kind.AFTER_DELAY_MS, rng.nextInt(MAX_DELAY_MILLIS));
        }
        Kind[] triggers = Kind.values();
        Kind kind = triggers[1 + rng.nextInt(triggers.length - 1)];
        return new KillPoint(kind, 1 + rng.nextInt(kind.maxN));
    }

    /** Blocks until it is time to kill; returns how it came (the trigger, or "no trigger" after the patience). */
    String await(FakeSlack slack, FakePagerDuty pagerDuty) throws InterruptedException {
        if (kind == Kind.AFTER_DELAY_MS) {
            Thread.sleep(n);
            return this.toString();
        }
        int target = count(slack, pagerDuty) + n;
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(TRIGGER_PATIENCE_MILLIS);
        while (System.nanoTime() < deadline) {
            if (count(slack, pagerDuty) >= target) {
                return this.toString();
            }
            LockSupport.parkNanos(500_000);
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
        return this + " (no trigger within " + TRIGGER_PATIENCE_MILLIS + " ms)";
    }

    private int count(FakeSlack slack, FakePagerDuty pagerDuty) {
        if (kind == Kind.AFTER_PAGERDUTY_NOTE) {
            return pagerDuty.calls(PdRoute.CREATE_NOTE).size();
        }
        String method = kind == Kind.AFTER_CHANNEL_CREATED ? "conversations.create" : "chat.postMessage";
        return (int) slack.calls(method).stream().filter(kind.slackCall).count();
    }

    @Override
    public String toString() {
        return kind == Kind.AFTER_DELAY_MS ? "after " + n + " ms"
                : kind.name().toLowerCase().replace('_', ' ') + " #" + n;
    }
}
