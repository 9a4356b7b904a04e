package dev.mayday.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Events API events as Slack shapes them (messages of each subtype, reactions, App Home opened) and the
 * {@code event_callback} body that carries one; {@link SlackSimulator} signs and sends them.
 */
public final class SlackEvents {

    private final ObjectMapper json;
    private final AtomicInteger sequence;

    SlackEvents(ObjectMapper json, AtomicInteger sequence) {
        this.json = json;
        this.sequence = sequence;
    }

    /** The Slack ts of a message posted at {@code at}: seconds and microseconds since the epoch. */
    public static String ts(Instant at) {
        return String.format("%d.%06d", at.getEpochSecond(), at.getNano() / 1_000);
    }

    public ObjectNode message(String user, String channel, String ts, String text) {
        ObjectNode event = channelMessage(null, channel, ts, text);
        event.put("user", user).put("client_msg_id", UUID.nameUUIDFromBytes((channel + ts).getBytes(StandardCharsets.UTF_8)).toString());
        return event;
    }

    public ObjectNode threadReply(String user, String channel, String ts, String threadTs, String text) {
        return message(user, channel, ts, text).put("thread_ts", threadTs);
    }

    /** A thread reply that was also sent to the channel. */
    public ObjectNode threadBroadcast(String user, String channel, String ts, String threadTs, String text) {
        return channelMessage("thread_broadcast", channel, ts, text).put("user", user).put("thread_ts", threadTs);
    }

    public ObjectNode fileShare(String user, String channel, String ts, String text, String fileName) {
        ObjectNode event = channelMessage("file_share", channel, ts, text).put("user", user)
                .put("upload", false).put("display_as_bot", false);
        event.putArray("files").addObject().put("id", "F" + sequence.incrementAndGet()).put("name", fileName)
                .put("title", fileName).put("mimetype", "image/png");
        return event;
    }

    /** {@code user} edited their message {@code ts} at {@code editTs}. */
    public ObjectNode messageChanged(String user, String channel, String ts, String previousText, String newText,
                                     String editTs) {
        ObjectNode event = channelMessage("message_changed", channel, editTs, null).put("hidden", true);
        event.remove("text");
        ObjectNode message = event.putObject("message").put("type", "message").put("user", user)
                .put("text", newText).put("ts", ts);
        message.putObject("edited").put("user", user).put("ts", editTs);
        event.putObject("previous_message").put("type", "message").put("user", user).put("text", previousText)
                .put("ts", ts);
        return event;
    }

    /** The message {@code ts} by {@code user} was deleted at {@code deleteTs}. */
    public ObjectNode messageDeleted(String user, String channel, String ts, String previousText, String deleteTs) {
        ObjectNode event = channelMessage("message_deleted", channel, deleteTs, null).put("hidden", true)
                .put("deleted_ts", ts);
        event.remove("text");
        event.putObject("previous_message").put("type", "message").put("user", user).put("text", previousText)
                .put("ts", ts);
        return event;
    }

    /** A message posted by an integration (a webhook, a monitoring app). */
    public ObjectNode botMessage(String botId, String channel, String ts, String text) {
        return channelMessage("bot_message", channel, ts, text).put("bot_id", botId).put("username", "Monitoring");
    }

    public ObjectNode channelJoin(String user, String channel, String ts) {
        return channelMessage("channel_join", channel, ts, "<@" + user + "> has joined the channel").put("user", user);
    }

    /** Any other message subtype Slack posts in a channel (channel_topic, pinned_item, …). */
    public ObjectNode channelEvent(String subtype, String user, String channel, String ts, String text) {
        return channelMessage(subtype, channel, ts, text).put("user", user);
    }

    public ObjectNode reactionAdded(String user, String reaction, String channel, String ts, String itemUser) {
        return reaction("reaction_added", user, reaction, channel, ts, itemUser);
    }

    public ObjectNode reactionRemoved(String user, String reaction, String channel, String ts, String itemUser) {
        return reaction("reaction_removed", user, reaction, channel, ts, itemUser);
    }

    /** {@code user} opened the app's Home tab ({@code tab} "home") or Messages tab ("messages"). */
    public ObjectNode appHomeOpened(String user, String tab) {
        ObjectNode event = json.createObjectNode().put("type", "app_home_opened").put("user", user)
                .put("channel", "D" + user.substring(1)).put("tab", tab);
        return event.put("event_ts", ts(Instant.now()));
    }

    /** The JSON body Slack posts for {@code event}. */
    public String eventCallback(ObjectNode event, String eventId) {
        ObjectNode body = json.createObjectNode();
        body.put("token", "deprecated-verification-token").put("team_id", "T0MAYDAY").put("api_app_id", "AMAYDAY");
        body.set("event", event);
        body.put("type", "event_callback").put("event_id", eventId)
                .put("event_time", Long.parseLong(event.path("event_ts").asText("0").split("\\.")[0]));
        return body.toString();
    }

    private ObjectNode channelMessage(String subtype, String channel, String ts, String text) {
        ObjectNode event = json.createObjectNode().put("type", "message");
        if (subtype != null) {
            event.put("subtype", subtype);
        }
        return event.put("channel", channel).put("text", text).put("ts", ts).put("event_ts", ts)
                .put("channel_type", "channel").put("team", "T0MAYDAY");
    }

    private ObjectNode reaction(String type, String user, String reaction, String channel, String ts, String itemUser) {
        ObjectNode event = json.createObjectNode().put("type", type).put("user", user).put("reaction", reaction)
                .put("item_user", itemUser);
        event.putObject("item").put("type", "message").put("channel", channel).put("ts", ts);
        return event.put("event_ts", ts(Instant.now()));
    }
}
