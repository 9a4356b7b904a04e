package dev.mayday.slack;

import dev.mayday.db.postmortem.PostmortemPostDao;
import dev.mayday.db.postmortem.PostmortemPostRow;
import dev.mayday.sandbox.fake.FakeMessage;
import dev.mayday.sandbox.fake.SlackCall;
import dev.mayday.slack.handlers.FollowUpCommands;
import dev.mayday.support.Sandbox;
import dev.mayday.support.SandboxExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Closing writes the post-mortem draft into the channel; follow-ups are recorded and end up in it. */
class PostmortemFlowTest {

    private static final String ALEX = "U0ALEX";

    @RegisterExtension
    final SandboxExtension sandboxes = new SandboxExtension();
    Sandbox sandbox;
    String channel;

    @BeforeEach
    void declare() {
        sandbox = sandboxes.start(Sandbox::start);
        channel = sandbox.declare(ALEX, "sev2 Checkout is down");
    }

    private String uploaded(SlackCall upload) {
        return new String(sandbox.slack.uploadedFile(upload.param("file_id")).orElseThrow(), StandardCharsets.UTF_8);
    }

    private Optional<PostmortemPostRow> post() {
        long id = sandbox.incidentIn(channel).id();
        return sandbox.app.database().jdbi().withExtension(PostmortemPostDao.class, dao -> dao.of(id));
    }

    @Test
    void close_uploadsTheDraftWithTheCurrentFlowAndPostsASummary() {
        sandbox.command(ALEX, channel, "action Alert on pool saturation <@U0KIM|kim>");
        sandbox.command(ALEX, channel, "learned Pool limits are per pod");
        sandbox.clock.advance(Duration.ofMinutes(3));
        sandbox.command(ALEX, channel, "status monitoring");
        sandbox.clock.advance(Duration.ofMinutes(30));
        sandbox.command(ALEX, channel, "resolve Pool limit back at 40");
        sandbox.clock.advance(Duration.ofMinutes(10));
        sandbox.command(ALEX, channel, "close");

        List<SlackCall> urls = sandbox.calls("files.getUploadURLExternal");
        List<SlackCall> completes = sandbox.calls("files.completeUploadExternal");
        assertThat(urls).singleElement().satisfies(c -> assertThat(c.param("filename")).isEqualTo("postmortem-incident-1-v1.md"));
        assertThat(completes).singleElement().satisfies(c -> {
            assertThat(c.param("channel_id")).isEqualTo(channel);
            assertThat(c.param("files")).contains("Post-mortem draft v1");
        });
        assertThat(sandbox.calls("files.upload")).as("the retired method").isEmpty();
        String draft = new String(sandbox.slack.uploadedFile(post().orElseThrow().fileId()).orElseThrow(), StandardCharsets.UTF_8);
        assertThat(draft).contains("# Post-mortem draft: Checkout is down").contains("Alert on pool saturation")
                .contains("Pool limits are per pod").contains("Time to resolve").contains("Key timeline");
        assertThat(sandbox.slack.messages(channel)).map(FakeMessage::text)
                .anySatisfy(t -> assertThat(t).contains("Post-mortem draft v1").contains("resolved in 33 min"));
    }

    @Test
    void theDraft_namesPeopleByTheirSlackDisplayNames_asPlainText_andTheCommandLineShowsTheSame() {
        sandbox.slack.addUser(ALEX, "alex@example.com", "Alex Lead");
        sandbox.slack.addUser("U0KIM", "kim@example.com", "Kim Owner");
        sandbox.command(ALEX, channel, "note asked <@U0KIM|kim> to check the pool");
        sandbox.command(ALEX, channel, "action Alert on pool saturation <@U0KIM|kim>");
        sandbox.command(ALEX, channel, "resolve fixed");
        sandbox.command(ALEX, channel, "close");

        String draft = new String(sandbox.slack.uploadedFile(post().orElseThrow().fileId()).orElseThrow(),
                StandardCharsets.UTF_8);
        assertThat(draft).contains("Alex Lead").contains("Kim Owner")
                .doesNotContain("U0ALEX").doesNotContain("U0KIM").doesNotContain("<@");
        long id = sandbox.incidentIn(channel).id();
        String printed = sandbox.app.database().read(store -> store.postmortems().latest(id)).orElseThrow().markdown();
        assertThat(printed).as("what `mayday postmortem` prints").isEqualTo(draft);
    }

    @Test
    void regenerating_replacesTheFileAndUpdatesTheSummaryInPlace() {
        sandbox.command(ALEX, channel, "resolve fixed");
        sandbox.command(ALEX, channel, "close");
        PostmortemPostRow first = post().orElseThrow();

        assertThat(sandbox.command(ALEX, channel, "close").text()).contains("new version");
        sandbox.command(ALEX, channel, "postmortem");

        PostmortemPostRow third = post().orElseThrow();
        assertThat(third.version()).isEqualTo(3);
        assertThat(third.summaryTs()).isEqualTo(first.summaryTs());
        assertThat(sandbox.slack.uploadedFile(first.fileId())).as("v1's file was deleted").isEmpty();
        assertThat(sandbox.slack.uploadedFile(third.fileId())).isPresent();
        assertThat(sandbox.calls("files.delete")).hasSize(2);
        assertThat(sandbox.slack.messages(channel)).map(FakeMessage::text)
                .filteredOn(t -> t.contains("Post-mortem draft")).singleElement().asString().contains("v3");
    }

    @Test
    void postmortemBeforeResolve_isRefused() {
        assertThat(sandbox.command(ALEX, channel, "postmortem").text()).contains("once the incident is resolved");
        assertThat(sandbox.calls("files.getUploadURLExternal")).isEmpty();
    }

    @Test
    void actions_listWithADoneButtonThatMarksTheItem() {
        assertThat(sandbox.command(ALEX, channel, "action Add a pool alert").text()).contains("Action item #1 added")
                .contains("no owner yet");
        assertThat(sandbox.command(ALEX, channel, "actions").body()).contains("Add a pool alert").contains("action_item_done");

        sandbox.simulator.clickButton(ALEX, channel, FollowUpCommands.DONE_ACTION, "1");
        sandbox.settle();

        List<SlackCall> replies = sandbox.calls("response_url");
        assertThat(replies.get(replies.size() - 1).param("blocks")).contains("~Add a pool alert~");
        assertThat(sandbox.command(ALEX, channel, "action").text()).contains(":warning:");
        assertThat(sandbox.command(ALEX, sandbox.generalChannel, "actions").body()).contains("not an incident channel");
    }
}
