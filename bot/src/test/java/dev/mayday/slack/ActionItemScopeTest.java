package dev.mayday.slack;

import dev.mayday.incident.Incident;
import dev.mayday.postmortem.ActionItem;
import dev.mayday.postmortem.ActionItemState;
import dev.mayday.postmortem.ActionItems;
import dev.mayday.sandbox.fake.SlackCall;
import dev.mayday.slack.handlers.FollowUpCommands;
import dev.mayday.support.Sandbox;
import dev.mayday.support.SandboxExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11, finding 5: the "Mark done" button names its item by id, and anyone can send any id. It acts only on an
 * item of the incident whose channel it was clicked in; otherwise the clicker is told privately and nothing changes.
 */
class ActionItemScopeTest {

    private static final String ALEX = "U0ALEX";
    private static final String EVE = "U0EVE";

    @RegisterExtension
    final SandboxExtension sandboxes = new SandboxExtension();
    Sandbox sandbox;
    String publicChannel;
    String privateChannel;

    @BeforeEach
    void start() {
        sandbox = sandboxes.start(Sandbox::start);
        publicChannel = sandbox.declare(ALEX, "sev3 Search is slow");
        assertThat(sandbox.simulator.submitDeclareForm(ALEX, "V0PRIVATE", sandbox.generalChannel,
                "Suspected data leak", "sev1", null, true).status()).isEqualTo(200);
        sandbox.settle();
        List<Incident> all = sandbox.incidents();
        privateChannel = all.get(all.size() - 1).place().channelId();
        assertThat(sandbox.incidentIn(privateChannel).isPrivate()).isTrue();
    }

    @Test
    void privateIncidentsItem_clickedInAnotherIncidentsChannel_isRefusedPrivately_andStaysOpen() {
        ActionItem secret = addItem(privateChannel, "Rotate the leaked key");

        assertThat(click(EVE, publicChannel, secret.id()).status()).isEqualTo(200);

        assertThat(state(secret)).isEqualTo(ActionItemState.OPEN);
        assertThat(lastPrivateReply()).contains(":warning:").contains("has no action item #" + secret.id())
                .doesNotContain("Rotate the leaked key");
    }

    @Test
    void item_clickedOutsideAnyIncidentChannel_isRefusedPrivately_andStaysOpen() {
        ActionItem item = addItem(publicChannel, "Add a shard alert");

        click(EVE, sandbox.generalChannel, item.id());

        assertThat(state(item)).isEqualTo(ActionItemState.OPEN);
        assertThat(lastPrivateReply()).contains("not an incident channel");
    }

    @Test
    void item_clickedInItsOwnIncidentsChannel_isMarkedDone() {
        ActionItem item = addItem(publicChannel, "Add a shard alert");

        click(ALEX, publicChannel, item.id());

        assertThat(state(item)).isEqualTo(ActionItemState.DONE);
    }

    private ActionItem addItem(String channel, String text) {
        assertThat(sandbox.command(ALEX, channel, "action " + text).text()).contains("added");
        List<ActionItem> items = new ActionItems(sandbox.app.database()).list(sandbox.incidentIn(channel).id());
        return items.get(items.size() - 1);
    }

    private dev.mayday.sandbox.SlackSimulator.SlackReply click(String user, String channel, long itemId) {
        var reply = sandbox.simulator.clickButton(user, channel, FollowUpCommands.DONE_ACTION, String.valueOf(itemId));
        sandbox.settle();
        return reply;
    }

    private String lastPrivateReply() {
        List<SlackCall> replies = sandbox.calls("response_url");
        SlackCall last = replies.get(replies.size() - 1);
        assertThat(last.param("response_type")).isEqualTo("ephemeral");
        return last.param("text");
    }

    private ActionItemState state(ActionItem item) {
        return new ActionItems(sandbox.app.database()).byId(item.id()).orElseThrow().state();
    }
}
