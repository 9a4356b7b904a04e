package dev.mayday.faults;

import dev.mayday.incident.Incident;
import dev.mayday.sandbox.SlackSimulator.SlackReply;
import dev.mayday.sandbox.fake.FakeChannel;
import dev.mayday.support.Sandbox;
import dev.mayday.support.SandboxExtension;
import dev.mayday.timeline.TimelineEntry;
import dev.mayday.timeline.TimelineKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 8, "Bad input": explicit odd-Unicode cases, each with the exact outcome Slack users would see. */
class UnicodeCommandsTest {

    /** Slack's rule for channel names: lowercase letters, digits, dashes and underscores, at most 80. */
    private static final String VALID_CHANNEL_NAME = "[a-z0-9_-]{1,80}";

    @RegisterExtension
    final SandboxExtension sandboxes = new SandboxExtension();
    Sandbox sandbox;

    @BeforeEach
    void start() {
        sandbox = sandboxes.start(Sandbox::start);
    }

    @Test
    void emojiTitle_getsAValidChannelNameAndIsStoredExactly() {
        String title = "🔥 Payments 👩‍💻 down 🇩🇪";
        String channel = sandbox.declare("U0ALEX", "sev2 " + title);

        Incident incident = sandbox.incidentIn(channel);
        assertThat(incident.title()).isEqualTo(title);
        FakeChannel created = sandbox.slack.channel(channel).orElseThrow();
        assertThat(created.name()).matches(VALID_CHANNEL_NAME).contains("payments-down");
    }

    @Test
    void titleOfOnlyEmoji_fallsBackToTheIncidentNumber() {
        String channel = sandbox.declare("U0ALEX", "sev3 🔥🔥🔥");

        Incident incident = sandbox.incidentIn(channel);
        assertThat(incident.title()).isEqualTo("🔥🔥🔥");
        assertThat(sandbox.slack.channel(channel).orElseThrow().name()).matches(VALID_CHANNEL_NAME)
                .endsWith("incident-" + incident.id());
    }

    @Test
    void rtlZeroWidthAndCombiningMarks_areStoredExactlyAndTheChannelNameIsValid() {
        String title = "مرحبا \u202Eevil\u202C Z\u0351\u0346a\u0336l\u0338g\u0327o\u200B db";
        String channel = sandbox.declare("U0ALEX", "sev3 " + title);

        assertThat(sandbox.incidentIn(channel).title()).isEqualTo(title);
        assertThat(sandbox.slack.channel(channel).orElseThrow().name()).matches(VALID_CHANNEL_NAME);
    }

    @Test
    void twentyThousandCharUpdate_isClearlyRefusedOrStoredWhole_neverA5xx() throws Exception {
        String channel = sandbox.declare("U0ALEX", "sev2 Long updates");
        int entriesBefore = sandbox.timeline(channel).size();
        String update = "🔥".repeat(5_000) + "x".repeat(10_000);

        SlackReply reply = sandbox.command("U0ALEX", channel, "update " + update);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).doesNotContain("Exception").doesNotContain("\tat ");
        List<TimelineEntry> after = sandbox.timeline(channel);
        if (reply.text().startsWith(":warning:")) {
            assertThat(reply.text()).as("the refusal says why").containsAnyOf("long", "characters", "limit");
            assertThat(after).hasSize(entriesBefore);
        } else {
            assertThat(reply.text()).doesNotStartWith(":x:");
            assertThat(after).filteredOn(e -> e.kind() == TimelineKind.UPDATE_POSTED)
                    .extracting(TimelineEntry::text).contains(update);
        }
        assertThat(sandbox.get("/health").statusCode()).isEqualTo(200);
    }

    @Test
    void titleOverTheLimit_isRefusedWithTheReasonAndNothingIsStored() {
        SlackReply reply = sandbox.command("U0ALEX", sandbox.generalChannel, "declare sev1 " + "👩‍💻".repeat(20_000));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.text()).startsWith(":warning:").contains("characters");
        assertThat(sandbox.incidents()).isEmpty();
        assertThat(sandbox.calls("conversations.create")).isEmpty();
    }

    @Test
    void nulAndControlCharactersInANote_areNeverA5xx() {
        String channel = sandbox.declare("U0ALEX", "sev3 Control chars");

        SlackReply reply = sandbox.command("U0ALEX", channel, "note a\u0000b\u0001c\u001B[31m\u007Fd");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.text()).doesNotStartWith(":x:");
        assertThat(reply.body()).doesNotContain("Exception");
    }

    @Test
    void malformedMentionsForLead_getAClearWarningAndChangeNothing() {
        String channel = sandbox.declare("U0ALEX", "sev3 Mentions");
        String lead = sandbox.incidentIn(channel).lead();
        int entries = sandbox.timeline(channel).size();

        for (String mention : List.of("<@", "<@U|", "<@>", "<#C123|x>", "<!here>", "@", "<@U0BOB")) {
            SlackReply reply = sandbox.command("U0ALEX", channel, "lead " + mention);
            assertThat(reply.status()).as(mention).isEqualTo(200);
            assertThat(reply.text()).as(mention).startsWith(":warning:");
        }
        assertThat(sandbox.incidentIn(channel).lead()).isEqualTo(lead);
        assertThat(sandbox.timeline(channel)).hasSize(entries);
    }
}
