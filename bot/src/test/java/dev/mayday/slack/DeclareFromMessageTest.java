package dev.mayday.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mayday.incident.Incident;
import dev.mayday.sandbox.SlackSimulator;
import dev.mayday.sandbox.fake.SlackCall;
import dev.mayday.support.Sandbox;
import dev.mayday.support.SandboxExtension;
import dev.mayday.timeline.TimelineEntry;
import dev.mayday.timeline.TimelineKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The "Declare incident" message shortcut: the form prefilled from the message, which becomes the first key event. */
class DeclareFromMessageTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    final SandboxExtension sandboxes = new SandboxExtension();
    Sandbox sandbox;

    @BeforeEach
    void start() {
        sandbox = sandboxes.start(Sandbox::start);
    }

    @Test
    void shortcut_opensTheFormPrefilled_andTheMessageBecomesTheFirstKeyEvent() throws Exception {
        String ts = SlackSimulator.ts(Sandbox.START.minus(Duration.ofMinutes(3)));
        String said = "Checkout returns 502 for everyone\nSeen from three regions, started 10:24";

        assertThat(sandbox.simulator.declareFromMessage("U0SAM", sandbox.generalChannel, ts, "U0KIM", said)
                .status()).isEqualTo(200);
        sandbox.settle();

        JsonNode view = JSON.readTree(lastCall("views.open").param("view"));
        assertThat(view.path("callback_id").asText()).isEqualTo("declare_incident");
        assertThat(view.toString()).contains("Checkout returns 502 for everyone")
                .contains("Seen from three regions, started 10:24");
        String metadata = view.path("private_metadata").asText();

        assertThat(sandbox.simulator.submitDeclareForm("U0SAM", "V0FROMMSG", metadata,
                "Checkout returns 502 for everyone", "SEV1", null, false).status()).isEqualTo(200);
        sandbox.settle();

        Incident incident = sandbox.incidents().get(0);
        assertThat(incident.place().originChannel()).isEqualTo(sandbox.generalChannel);
        List<TimelineEntry> timeline = sandbox.timeline(incident.place().channelId());
        assertThat(timeline.get(0)).satisfies(first -> {
            assertThat(first.kind()).isEqualTo(TimelineKind.PINNED);
            assertThat(first.text()).isEqualTo(said);
            assertThat(first.actor()).isEqualTo("U0KIM");
            assertThat(first.isKey()).isTrue();
            assertThat(first.occurredAt()).isEqualTo(Sandbox.START.minus(Duration.ofMinutes(3)));
        });
        assertThat(timeline.get(1).kind()).isEqualTo(TimelineKind.DECLARED);

        // the same form submitted again declares nothing more and records the message once
        sandbox.simulator.submitDeclareForm("U0SAM", "V0FROMMSG", metadata, "Checkout returns 502 for everyone",
                "SEV1", null, false);
        sandbox.settle();
        assertThat(sandbox.incidents()).hasSize(1);
        assertThat(sandbox.timeline(incident.place().channelId()))
                .filteredOn(e -> e.kind() == TimelineKind.PINNED).hasSize(1);
    }

    @Test
    void theFormOpenedByTheCommand_recordsNoQuotedMessage() {
        sandbox.simulator.submitDeclareForm("U0SAM", "V0PLAIN", sandbox.generalChannel, "Search is slow", "SEV3",
                null, false);
        sandbox.settle();

        Incident incident = sandbox.incidents().get(0);
        assertThat(incident.place().originChannel()).isEqualTo(sandbox.generalChannel);
        assertThat(sandbox.timeline(incident.place().channelId())).noneMatch(e -> e.kind() == TimelineKind.PINNED);
    }

    private SlackCall lastCall(String method) {
        List<SlackCall> calls = sandbox.calls(method);
        assertThat(calls).isNotEmpty();
        return calls.get(calls.size() - 1);
    }
}
