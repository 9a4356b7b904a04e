package dev.mayday.slack;

import dev.mayday.sandbox.SlackSimulator;
import dev.mayday.sandbox.fake.SlackCall;
import dev.mayday.support.Sandbox;
import dev.mayday.support.SandboxExtension;
import dev.mayday.timeline.TimelineCapture;
import dev.mayday.timeline.TimelineEntry;
import dev.mayday.timeline.TimelineKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A 📌 reaction makes a message a key event; the "Add to timeline" shortcut shares the same key event. */
class PinReactionsTest {

    private static final String ALEX = "U0ALEX";
    private static final String SAM = "U0SAM";
    private static final String KIM = "U0KIM";

    @RegisterExtension
    final SandboxExtension sandboxes = new SandboxExtension();
    Sandbox sandbox;
    SlackSimulator slack;
    String channel;
    String ts;

    @BeforeEach
    void declareAndPost() {
        sandbox = sandboxes.start(Sandbox::start);
        slack = sandbox.simulator;
        channel = sandbox.declare(ALEX, "sev2 Checkout is down");
        ts = SlackSimulator.ts(Sandbox.START.plus(Duration.ofMinutes(12)));
        slack.deliver(slack.message(ALEX, channel, ts, "p99 back under 300 ms"));
    }

    /** PINNED rows for the message, deleted or not. */
    private List<TimelineEntry> pins() {
        return sandbox.timeline(channel).stream()
                .filter(e -> e.kind() == TimelineKind.PINNED && ts.equals(e.slackTs())).toList();
    }

    private boolean isKeyEvent() {
        return pins().stream().anyMatch(e -> !e.deleted());
    }

    private int react(String user, String reaction) {
        return slack.deliver(slack.reactionAdded(user, reaction, channel, ts, ALEX)).status();
    }

    private int unreact(String user, String reaction) {
        return slack.deliver(slack.reactionRemoved(user, reaction, channel, ts, ALEX)).status();
    }

    @Test
    void pushpin_makesTheMessageAKeyEvent_withItsTextAndAuthor() {
        assertThat(react(SAM, "pushpin")).isEqualTo(200);

        assertThat(pins()).singleElement().satisfies(e -> {
            assertThat(e.text()).isEqualTo("p99 back under 300 ms");
            assertThat(e.actor()).isEqualTo(ALEX);
            assertThat(e.isKey()).isTrue();
            assertThat(e.deleted()).isFalse();
            assertThat(e.dedupeKey()).isEqualTo("pin:" + channel + ":" + ts);
            assertThat(e.occurredAt()).as("when it was said").isEqualTo(Sandbox.START.plus(Duration.ofMinutes(12)));
        });
    }

    @Test
    void removingThePushpin_unpinsIt_andPinningAgainBringsItBack() {
        react(SAM, "pushpin");

        assertThat(unreact(SAM, "pushpin")).isEqualTo(200);
        assertThat(isKeyEvent()).isFalse();
        assertThat(pins()).hasSize(1);

        react(SAM, "pushpin");
        assertThat(isKeyEvent()).isTrue();
        assertThat(pins()).hasSize(1);
    }

    @Test
    void theKeyEventStays_whileAnyonesPushpinRemains() {
        react(SAM, "pushpin");
        react(KIM, "pushpin");

        unreact(SAM, "pushpin");
        assertThat(isKeyEvent()).isTrue();

        unreact(KIM, "pushpin");
        assertThat(isKeyEvent()).isFalse();
    }

    @Test
    void otherReactions_areAcknowledgedAndIgnored() {
        assertThat(react(SAM, "eyes")).isEqualTo(200);
        assertThat(react(SAM, "round_pushpin")).isEqualTo(200);
        assertThat(unreact(SAM, "eyes")).isEqualTo(200);

        assertThat(pins()).isEmpty();
    }

    @Test
    void aRetriedReaction_isOneKeyEvent() {
        var event = slack.reactionAdded(SAM, "pushpin", channel, ts, ALEX);
        String eventId = slack.newEventId();
        slack.deliver(event, eventId);
        slack.redeliver(event, eventId, 1, "http_timeout");

        assertThat(pins()).hasSize(1);
    }

    @Test
    void aLateRetryOfAnOldRemoval_doesNotUnpinTheMessageAgain() {
        react(SAM, "pushpin");
        var removal = slack.reactionRemoved(SAM, "pushpin", channel, ts, ALEX);
        String removalId = slack.newEventId();
        slack.deliver(removal, removalId);
        react(SAM, "pushpin");

        assertThat(slack.redeliver(removal, removalId, 1, "http_timeout").status()).isEqualTo(200);

        assertThat(isKeyEvent()).isTrue();
    }

    @Test
    void shortcutThenPushpin_isOneKeyEvent_andRemovingThePushpinKeepsTheShortcutsPin() {
        slack.addToTimeline(SAM, channel, ts, ALEX, "p99 back under 300 ms");
        sandbox.settle();

        react(KIM, "pushpin");
        assertThat(pins()).hasSize(1);

        unreact(KIM, "pushpin");
        assertThat(isKeyEvent()).as("the shortcut's pin is not undone by a reaction").isTrue();
    }

    @Test
    void pushpinThenShortcut_isOneKeyEvent_andTheShortcutSaysSo() {
        react(SAM, "pushpin");

        slack.addToTimeline(KIM, channel, ts, ALEX, "p99 back under 300 ms");
        sandbox.settle();

        assertThat(pins()).hasSize(1);
        List<SlackCall> replies = sandbox.calls("response_url");
        assertThat(replies.get(replies.size() - 1).param("text")).contains("already on the timeline");
    }

    @Test
    void shortcutOnAMessageWhosePushpinWasRemoved_pinsItAgain() {
        react(SAM, "pushpin");
        unreact(SAM, "pushpin");

        slack.addToTimeline(KIM, channel, ts, ALEX, "p99 back under 300 ms");
        sandbox.settle();

        assertThat(isKeyEvent()).isTrue();
        List<SlackCall> replies = sandbox.calls("response_url");
        assertThat(replies.get(replies.size() - 1).param("text")).contains("Added to the incident timeline");
    }

    @Test
    void editingOrDeletingAPinnedMessage_updatesOrRemovesTheKeyEvent() {
        react(SAM, "pushpin");

        slack.deliver(slack.messageChanged(ALEX, channel, ts, "p99 back under 300 ms", "p99 back under 250 ms",
                SlackSimulator.ts(Sandbox.START.plus(Duration.ofMinutes(13)))));
        assertThat(pins()).singleElement().extracting(TimelineEntry::text).isEqualTo("p99 back under 250 ms");

        slack.deliver(slack.messageDeleted(ALEX, channel, ts, "p99 back under 250 ms",
                SlackSimulator.ts(Sandbox.START.plus(Duration.ofMinutes(14)))));
        assertThat(isKeyEvent()).isFalse();
        react(KIM, "pushpin");
        assertThat(isKeyEvent()).as("a deleted message cannot be pinned back").isFalse();
    }

    @Test
    void pinOfAMessageNotCapturedYet_getsItsTextWhenTheMessageArrives() {
        String early = SlackSimulator.ts(Sandbox.START.plus(Duration.ofMinutes(20)));
        slack.deliver(slack.reactionAdded(SAM, "pushpin", channel, early, ALEX));

        TimelineEntry standIn = sandbox.timeline(channel).stream().filter(e -> early.equals(e.slackTs())).findFirst().orElseThrow();
        assertThat(standIn.text()).isEqualTo(TimelineCapture.NOT_CAPTURED);
        assertThat(standIn.actor()).isEqualTo(ALEX);

        slack.deliver(slack.message(ALEX, channel, early, "DNS TTL was 24h"));
        assertThat(sandbox.timeline(channel)).filteredOn(e -> e.kind() == TimelineKind.PINNED && early.equals(e.slackTs()))
                .singleElement().extracting(TimelineEntry::text).isEqualTo("DNS TTL was 24h");
    }
}
