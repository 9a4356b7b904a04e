package dev.mayday.slack;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mayday.http.HttpServer;
import dev.mayday.sandbox.SlackSimulator;
import dev.mayday.sandbox.SlackSimulator.SlackReply;
import dev.mayday.support.CapturedLog;
import dev.mayday.support.Sandbox;
import dev.mayday.support.SandboxExtension;
import dev.mayday.timeline.TimelineEntry;
import dev.mayday.timeline.TimelineKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Events API over real HTTP: every human message in an incident channel lands on the timeline exactly once. */
class TimelineEventsTest {

    private static final String ALEX = "U0ALEX";
    private static final String SAM = "U0SAM";

    @RegisterExtension
    final SandboxExtension sandboxes = new SandboxExtension();
    Sandbox sandbox;
    SlackSimulator slack;
    String channel;

    @BeforeEach
    void declare() {
        sandbox = sandboxes.start(Sandbox::start);
        slack = sandbox.simulator;
        channel = sandbox.declare(ALEX, "sev2 Checkout is down");
    }

    private static String tsAt(int minutes) {
        return SlackSimulator.ts(Sandbox.START.plus(Duration.ofMinutes(minutes)).plusNanos(100_000));
    }

    private List<TimelineEntry> messages() {
        return sandbox.timeline(channel).stream().filter(e -> e.kind() == TimelineKind.MESSAGE).toList();
    }

    private TimelineEntry message(String ts) {
        List<TimelineEntry> rows = messages().stream().filter(e -> ts.equals(e.slackTs())).toList();
        assertThat(rows).as("rows for message " + ts).hasSize(1);
        return rows.get(0);
    }

    private long storedRows(String table) {
        return sandbox.app.database().jdbi().withHandle(h ->
                h.createQuery("SELECT count(*) FROM " + table).mapTo(Long.class).one());
    }

    private static void assertAcknowledged(SlackReply reply) {
        assertThat(reply.status()).as("HTTP status (body: %s)", reply.body()).isEqualTo(200);
    }

    @Test
    void message_isStoredWithAuthorTsAndText() {
        String ts = tsAt(3);
        assertAcknowledged(slack.deliver(slack.message(SAM, channel, ts, "Error rate is 40% on checkout-api")));

        assertThat(message(ts)).satisfies(e -> {
            assertThat(e.actor()).isEqualTo(SAM);
            assertThat(e.text()).isEqualTo("Error rate is 40% on checkout-api");
            assertThat(e.occurredAt()).as("the ts, to the millisecond").isEqualTo(Sandbox.START.plus(Duration.ofMinutes(3)));
            assertThat(e.isKey()).isFalse();
            assertThat(e.threadTs()).isNull();
            assertThat(e.deleted()).isFalse();
            assertThat(e.editedAt()).isNull();
        });
    }

    @Test
    void edit_updatesTheTextOfThatMessage() {
        String ts = tsAt(3);
        slack.deliver(slack.message(SAM, channel, ts, "Error rate is 4%"));
        slack.deliver(slack.message(SAM, channel, tsAt(4), "Looking at the LB"));

        SlackReply reply = slack.deliver(slack.messageChanged(SAM, channel, ts, "Error rate is 4%", "Error rate is 40%", tsAt(5)));

        assertAcknowledged(reply);
        assertThat(message(ts).text()).isEqualTo("Error rate is 40%");
        assertThat(message(ts).editedAt()).isEqualTo(Sandbox.START.plus(Duration.ofMinutes(5)));
        assertThat(message(tsAt(4)).text()).isEqualTo("Looking at the LB");
        assertThat(messages()).hasSize(2);
    }

    @Test
    void olderEdit_deliveredAfterANewerOne_doesNotWinBack() {
        String ts = tsAt(3);
        slack.deliver(slack.message(SAM, channel, ts, "v1"));
        slack.deliver(slack.messageChanged(SAM, channel, ts, "v2", "v3", tsAt(6)));
        slack.deliver(slack.messageChanged(SAM, channel, ts, "v1", "v2", tsAt(5)));

        assertThat(message(ts).text()).isEqualTo("v3");
    }

    @Test
    void editOrDeleteArrivingBeforeTheOriginal_winsOverTheLateOriginal() {
        String edited = tsAt(3);
        String deleted = tsAt(4);
        slack.deliver(slack.messageChanged(SAM, channel, edited, "draft", "final words", tsAt(5)));
        slack.deliver(slack.messageDeleted(SAM, channel, deleted, "oops, a password", tsAt(6)));
        slack.redeliver(slack.message(SAM, channel, edited, "draft"), slack.newEventId(), 2, "http_timeout");
        slack.redeliver(slack.message(SAM, channel, deleted, "oops, a password"), slack.newEventId(), 2, "http_timeout");

        assertThat(message(edited).text()).isEqualTo("final words");
        assertThat(message(deleted).deleted()).isTrue();
    }

    @Test
    void delete_marksTheMessageDeletedButKeepsIt() {
        String ts = tsAt(3);
        slack.deliver(slack.message(SAM, channel, ts, "wrong channel, sorry"));

        assertAcknowledged(slack.deliver(slack.messageDeleted(SAM, channel, ts, "wrong channel, sorry", tsAt(4))));

        assertThat(message(ts).deleted()).isTrue();
        assertThat(message(ts).text()).isEqualTo("wrong channel, sorry");
    }

    @Test
    void deletedThreadParent_arrivesAsATombstoneChange_andIsMarkedDeleted() {
        String ts = tsAt(3);
        slack.deliver(slack.message(SAM, channel, ts, "parent"));
        ObjectNode tombstone = slack.messageChanged(SAM, channel, ts, "parent", "This message was deleted.", tsAt(9));
        ((ObjectNode) tombstone.get("message")).put("subtype", "tombstone").remove("edited");

        assertAcknowledged(slack.deliver(tombstone));

        assertThat(message(ts).deleted()).isTrue();
        assertThat(message(ts).text()).isEqualTo("parent");
    }

    @Test
    void threadReplies_keepTheirParentTs_includingOnesAlsoSentToTheChannel() {
        String parent = tsAt(3);
        slack.deliver(slack.message(ALEX, channel, parent, "Who owns the LB config?"));
        assertAcknowledged(slack.deliver(slack.threadReply(SAM, channel, tsAt(4), parent, "Platform team")));
        assertAcknowledged(slack.deliver(slack.threadBroadcast(ALEX, channel, tsAt(5), parent, "Paging platform")));

        assertThat(message(parent).threadTs()).isNull();
        assertThat(message(tsAt(4))).satisfies(e -> {
            assertThat(e.threadTs()).isEqualTo(parent);
            assertThat(e.actor()).isEqualTo(SAM);
            assertThat(e.text()).isEqualTo("Platform team");
        });
        assertThat(message(tsAt(5)).threadTs()).isEqualTo(parent);
    }

    @Test
    void fileShare_isStoredAsAMessage_namingTheFileWhenThereIsNoText() {
        assertAcknowledged(slack.deliver(slack.fileShare(SAM, channel, tsAt(3), "the error graph", "errors.png")));
        assertAcknowledged(slack.deliver(slack.fileShare(ALEX, channel, tsAt(4), "", "lb.conf")));

        assertThat(message(tsAt(3)).text()).isEqualTo("the error graph");
        assertThat(message(tsAt(4)).text()).isEqualTo("(shared lb.conf)");
    }

    @Test
    void botMessagesAndChannelHousekeeping_areAnswered200_butNotStored() {
        long before = storedRows("timeline_events");

        assertAcknowledged(slack.deliver(slack.botMessage("B0GRAFANA", channel, tsAt(3), "Alert: 5xx > 5%")));
        assertAcknowledged(slack.deliver(slack.message(ALEX, channel, tsAt(4), "posted by an app").put("bot_id", "B0APP")));
        assertAcknowledged(slack.deliver(slack.channelJoin(SAM, channel, tsAt(5))));
        assertAcknowledged(slack.deliver(slack.channelEvent("channel_topic", SAM, channel, tsAt(6), "set the topic")));

        assertThat(storedRows("timeline_events")).isEqualTo(before);
        assertThat(messages()).isEmpty();
    }

    @Test
    void everyMessageSubtypeAndEventSlackSends_isAnswered2xx() {
        List<String> subtypes = List.of("bot_message", "channel_join", "channel_leave", "channel_topic",
                "channel_purpose", "channel_name", "channel_archive", "channel_unarchive", "channel_posting_permissions",
                "channel_convert_to_private", "channel_convert_to_public", "group_topic", "pinned_item",
                "unpinned_item", "me_message", "ekm_access_denied", "huddle_thread", "channel_canvas_updated",
                "reminder_add", "a_subtype_slack_adds_next_year");
        int minute = 10;
        for (String subtype : subtypes) {
            SlackReply reply = slack.deliver(slack.channelEvent(subtype, SAM, channel, tsAt(minute++), "x"));
            assertThat(reply.status()).as(subtype).isBetween(200, 299);
        }
        ObjectNode onAFile = slack.reactionAdded(SAM, "pushpin", channel, tsAt(3), ALEX);
        ((ObjectNode) onAFile.get("item")).put("type", "file").put("file", "F123");
        assertThat(slack.deliver(onAFile).status()).isEqualTo(200);
        assertThat(slack.deliver(slack.reactionRemoved(SAM, "eyes", channel, tsAt(3), ALEX)).status()).isEqualTo(200);
        assertThat(slack.deliver(slack.message(SAM, channel, tsAt(40), "a human")).status()).isEqualTo(200);
    }

    @Test
    void sameEventDeliveredThreeTimes_withRetryHeaders_isStoredOnce() {
        String ts = tsAt(3);
        ObjectNode event = slack.message(SAM, channel, ts, "Rolled back 4812");
        String eventId = slack.newEventId();

        assertAcknowledged(slack.deliver(event, eventId));
        assertAcknowledged(slack.redeliver(event, eventId, 1, "http_timeout"));
        assertAcknowledged(slack.redeliver(event, eventId, 2, "http_error"));

        assertThat(messages()).extracting(TimelineEntry::slackTs).containsExactly(ts);
        assertThat(storedRows("processed_events")).isEqualTo(1);
    }

    @Test
    void sameMessage_underTwoEventIds_isStoredOnce() {
        String ts = tsAt(3);
        assertAcknowledged(slack.deliver(slack.message(SAM, channel, ts, "Rolled back 4812")));
        assertAcknowledged(slack.deliver(slack.message(SAM, channel, ts, "Rolled back 4812")));

        assertThat(messages()).extracting(TimelineEntry::slackTs).containsExactly(ts);
    }

    @Test
    void messageInAChannelThatIsNoIncident_isAnswered200_andNothingIsStored() {
        long events = storedRows("timeline_events");

        assertAcknowledged(slack.deliver(slack.message(ALEX, sandbox.generalChannel, tsAt(3), "lunch?")));
        assertAcknowledged(slack.deliver(slack.reactionAdded(SAM, "pushpin", sandbox.generalChannel, tsAt(3), ALEX)));

        assertThat(storedRows("timeline_events")).isEqualTo(events);
        assertThat(storedRows("processed_events")).isZero();
        assertThat(storedRows("pin_reactions")).isZero();
    }

    @Test
    void eventWithABadSignature_gets401_andNothingIsStored() {
        String body = slack.eventCallback(slack.message(SAM, channel, tsAt(3), "forged"), slack.newEventId());
        String now = String.valueOf(Instant.now().getEpochSecond());

        SlackReply reply = slack.postWithSignature("application/json", body, now, "v0=" + "0".repeat(64));

        assertThat(reply.status()).isEqualTo(401);
        assertThat(messages()).isEmpty();
        assertThat(storedRows("processed_events")).isZero();
    }

    @Test
    void eventThatCannotBeStored_isNotAcknowledged_andItsRetryIsStoredOnce() throws Exception {
        String ts = tsAt(3);
        ObjectNode event = slack.message(SAM, channel, ts, "written while the disk was busy");
        String eventId = slack.newEventId();
        SlackReply failed;
        try (CapturedLog errors = CapturedLog.of(HttpServer.class);
             Connection locker = DriverManager.getConnection(sandbox.app.database().url());
             Statement statement = locker.createStatement()) {
            statement.execute("BEGIN EXCLUSIVE");
            failed = slack.deliver(event, eventId);
            statement.execute("ROLLBACK");
            assertThat(errors.messages(Level.ERROR)).containsExactly("Request to /slack/events failed");
        }

        assertThat(failed.status()).as("Slack must retry what was not stored").isGreaterThanOrEqualTo(500);
        assertThat(messages()).isEmpty();
        assertThat(storedRows("processed_events")).isZero();

        assertAcknowledged(slack.redeliver(event, eventId, 1, "http_error"));
        assertAcknowledged(slack.redeliver(event, eventId, 2, "http_error"));
        assertThat(messages()).extracting(TimelineEntry::text).containsExactly("written while the disk was busy");
    }
}
