package dev.mayday.slack;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mayday.sandbox.SlackSimulator;
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

/** A 📌 on a message from an app or an alert bot records what it said, though such messages are not chatter. */
class AppMessagePinsTest {

    private static final String ALEX = "U0ALEX";
    private static final String SAM = "U0SAM";

    @RegisterExtension
    final SandboxExtension sandboxes = new SandboxExtension();
    Sandbox sandbox;
    SlackSimulator slack;
    String channel;
    String ts;

    @BeforeEach
    void declare() {
        sandbox = sandboxes.start(Sandbox::start);
        slack = sandbox.simulator;
        channel = sandbox.declare(ALEX, "sev2 Checkout is down");
        ts = SlackSimulator.ts(Sandbox.START.plus(Duration.ofMinutes(12)));
    }

    @Test
    void pinOnAnAlertBotsMessage_recordsItsText() {
        slack.deliver(slack.botMessage("B0GRAFANA", channel, ts, "[FIRING] 5xx rate above 5% on checkout"));

        slack.deliver(slack.reactionAdded(SAM, "pushpin", channel, ts, null));

        assertThat(pins()).singleElement().satisfies(pin -> {
            assertThat(pin.text()).isEqualTo("[FIRING] 5xx rate above 5% on checkout");
            assertThat(pin.actor()).isEqualTo("B0GRAFANA");
            assertThat(pin.isKey()).isTrue();
        });
        assertThat(sandbox.timeline(channel)).noneMatch(e -> e.kind() == TimelineKind.MESSAGE);
    }

    @Test
    void pinOnAnAppsMessage_postedAsItsBotUser_recordsItsText() {
        slack.deliver(slack.message("U0DEPLOYBOT", channel, ts, "Deploy 4312 rolled back").put("bot_id", "B0DEPLOY"));

        slack.deliver(slack.reactionAdded(SAM, "pushpin", channel, ts, "U0DEPLOYBOT"));

        assertThat(pins()).singleElement().satisfies(pin -> {
            assertThat(pin.text()).isEqualTo("Deploy 4312 rolled back");
            assertThat(pin.actor()).isEqualTo("U0DEPLOYBOT");
        });
    }

    @Test
    void alertSaidInAttachmentsOnly_isRecordedByItsFallback() {
        ObjectNode alert = slack.botMessage("B0PD", channel, ts, "");
        alert.putArray("attachments").addObject().put("fallback", "Triggered: checkout latency p99 > 2s");
        slack.deliver(alert);

        slack.deliver(slack.reactionAdded(SAM, "pushpin", channel, ts, null));

        assertThat(pins()).singleElement().extracting(TimelineEntry::text)
                .isEqualTo("Triggered: checkout latency p99 > 2s");
    }

    @Test
    void pinBeforeTheAppsMessageArrives_getsItsTextWhenItDoes() {
        slack.deliver(slack.reactionAdded(SAM, "pushpin", channel, ts, null));
        assertThat(pins()).singleElement().extracting(TimelineEntry::text).isEqualTo(TimelineCapture.NOT_CAPTURED);

        slack.deliver(slack.botMessage("B0GRAFANA", channel, ts, "[FIRING] 5xx rate above 5%"));

        assertThat(pins()).singleElement().extracting(TimelineEntry::text).isEqualTo("[FIRING] 5xx rate above 5%");
    }

    @Test
    void anAlertRewritten_afterItWasPinned_isRecordedAsItNowReads() {
        slack.deliver(slack.message("U0ALERTS", channel, ts, "[FIRING] 5xx rate above 5%").put("bot_id", "B0AM"));
        slack.deliver(slack.reactionAdded(SAM, "pushpin", channel, ts, "U0ALERTS"));

        ObjectNode edit = slack.messageChanged("U0ALERTS", channel, ts, "[FIRING] 5xx rate above 5%",
                "[RESOLVED] 5xx rate above 5%", SlackSimulator.ts(Sandbox.START.plus(Duration.ofMinutes(30))));
        ((ObjectNode) edit.get("message")).put("bot_id", "B0AM");
        ((ObjectNode) edit.get("previous_message")).put("bot_id", "B0AM");
        slack.deliver(edit);

        assertThat(pins()).singleElement().extracting(TimelineEntry::text).isEqualTo("[RESOLVED] 5xx rate above 5%");
    }

    private List<TimelineEntry> pins() {
        return sandbox.timeline(channel).stream()
                .filter(e -> e.kind() == TimelineKind.PINNED && ts.equals(e.slackTs())).toList();
    }
}
