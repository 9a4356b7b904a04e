package dev.mayday.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Sends requests to Mayday exactly as Slack does: the same content types and payload shapes, signed with the
 * signing secret. Response URLs point at the fake Slack so replies can be read back. Events API callbacks are built
 * in two steps, so a test can deliver the same event again: an event ({@link #message}, {@link #reactionAdded}, …),
 * then {@link #deliver} or {@link #redeliver} it.
 */
public final class SlackSimulator {

    private final URI endpoint;
    private final SlackRequestSigner signer;
    private final ResponseUrls responseUrls;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final AtomicInteger sequence = new AtomicInteger();

    public SlackSimulator(URI endpoint, String signingSecret, ResponseUrls responseUrls) {
        this.endpoint = endpoint;
        this.signer = new SlackRequestSigner(signingSecret);
        this.responseUrls = responseUrls;
    }

    /** A slash command; its trigger id is fresh unless given, as Slack makes one per invocation. */
    public SlackReply command(String user, String channel, String text) {
        return command(user, channel, text, "trigger-" + sequence.incrementAndGet());
    }

    public SlackReply command(String user, String channel, String text, String triggerId) {
        return post("application/x-www-form-urlencoded", formEncode(commandForm(user, channel, text, triggerId)),
                Instant.now());
    }

    /** The form Slack posts for a slash command, for callers that send it changed (fields missing, odd values). */
    public Map<String, String> commandForm(String user, String channel, String text, String triggerId) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("token", "deprecated-verification-token");
        form.put("team_id", "T0MAYDAY");
        form.put("team_domain", "mayday-sandbox");
        form.put("channel_id", channel);
        form.put("channel_name", channel);
        form.put("user_id", user);
        form.put("user_name", user.toLowerCase());
        form.put("command", "/incident");
        form.put("text", text);
        form.put("api_app_id", "AMAYDAY");
        form.put("response_url", responseUrls.responseUrl("command-" + sequence.incrementAndGet()));
        form.put("trigger_id", triggerId);
        return form;
    }

    /** Submits the declare form with the given view id (the same id twice = a double click). */
    public SlackReply submitDeclareForm(String user, String viewId, String originChannel, String title,
                                        String severity, String summary, boolean isPrivate) {
        ObjectNode values = json.createObjectNode();
        values.putObject("title").putObject("value").put("type", "plain_text_input").put("value", title);
        ObjectNode selected = values.putObject("severity").putObject("value").put("type", "static_select");
        if (severity != null) {
            selected.putObject("selected_option").put("value", severity)
                    .putObject("text").put("type", "plain_text").put("text", severity);
        }
        ObjectNode summaryValue = values.putObject("summary").putObject("value").put("type", "plain_text_input");
        if (summary != null) {
            summaryValue.put("value", summary);
        }
        ArrayNode options = values.putObject("privacy").putObject("value").put("type", "checkboxes")
                .putArray("selected_options");
        if (isPrivate) {
            options.addObject().put("value", "private");
        }
        ObjectNode payload = base("view_submission", user);
        ObjectNode view = payload.putObject("view");
        view.put("id", viewId).put("type", "modal").put("callback_id", "declare_incident")
                .put("private_metadata", originChannel == null ? "" : originChannel);
        view.putObject("state").set("values", values);
        return interaction(payload);
    }

    public SlackReply selectStatus(String user, String channel, String status) {
        ObjectNode payload = blockActions(user, channel);
        ObjectNode action = ((ArrayNode) payload.get("actions")).addObject();
        action.put("type", "static_select").put("action_id", "incident_status").put("block_id", "incident_actions")
                .put("action_ts", Instant.now().getEpochSecond() + ".000100");
        action.putObject("selected_option").put("value", status);
        return interaction(payload);
    }

    public SlackReply clickButton(String user, String channel, String actionId) {
        return clickButton(user, channel, actionId, "card");
    }

    public SlackReply clickButton(String user, String channel, String actionId, String value) {
        return post("application/x-www-form-urlencoded", buttonClick(user, channel, actionId, value), Instant.now());
    }

    /** The form body Slack posts when {@code user} clicks a button in {@code channel}, to send (or resend) as is. */
    public String buttonClick(String user, String channel, String actionId, String value) {
        ObjectNode payload = blockActions(user, channel);
        ((ArrayNode) payload.get("actions")).addObject().put("type", "button").put("action_id", actionId)
                .put("block_id", "incident_actions").put("value", value)
                .put("action_ts", Instant.now().getEpochSecond() + ".000100");
        return formEncode(Map.of("payload", payload.toString()));
    }

    public SlackReply addToTimeline(String user, String channel, String messageTs, String author, String text) {
        ObjectNode payload = base("message_action", user);
        payload.put("callback_id", "add_to_timeline").put("trigger_id", "trigger-" + sequence.incrementAndGet())
                .put("message_ts", messageTs)
                .put("response_url", responseUrls.responseUrl("shortcut-" + sequence.incrementAndGet()));
        payload.putObject("channel").put("id", channel).put("name", channel);
        payload.putObject("message").put("type", "message").put("user", author).put("ts", messageTs).put("text", text);
        return interaction(payload);
    }

    // --- Events API -----------------------------------------------------------------------------------

    /** A fresh event id, as Slack gives each event; a retry repeats the id of the event it retries. */
    public String newEventId() {
        return String.format("Ev%08d", sequence.incrementAndGet());
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

    /** Delivers {@code event} under a new event id. */
    public SlackReply deliver(ObjectNode event) {
        return deliver(event, newEventId());
    }

    public SlackReply deliver(ObjectNode event, String eventId) {
        return post("application/json", eventCallback(event, eventId), Instant.now(), Map.of());
    }

    /** Slack's retry of a delivery it thinks failed: the same body again, with the retry headers. */
    public SlackReply redeliver(ObjectNode event, String eventId, int retryNum, String retryReason) {
        return post("application/json", eventCallback(event, eventId), Instant.now(),
                Map.of("X-Slack-Retry-Num", String.valueOf(retryNum), "X-Slack-Retry-Reason", retryReason));
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

    /** A raw signed POST; {@code signedAt} lets tests send stale requests. */
    public SlackReply post(String contentType, String body, Instant signedAt) {
        return post(contentType, body, signedAt, Map.of());
    }

    private SlackReply post(String contentType, String body, Instant signedAt, Map<String, String> headers) {
        String timestamp = String.valueOf(signedAt.getEpochSecond());
        return send(contentType, body, timestamp, signer.sign(timestamp, body), headers);
    }

    /** A POST whose signature header is whatever the caller says (forged or missing when null). */
    public SlackReply postWithSignature(String contentType, String body, String timestamp, String signature) {
        return send(contentType, body, timestamp, signature, Map.of());
    }

    private SlackReply send(String contentType, String body, String timestamp, String signature,
                            Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (timestamp != null) {
            request.header(SlackRequestSigner.TIMESTAMP_HEADER, timestamp);
        }
        if (signature != null) {
            request.header(SlackRequestSigner.SIGNATURE_HEADER, signature);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new SlackReply(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending to Mayday", e);
        }
    }

    private ObjectNode blockActions(String user, String channel) {
        ObjectNode payload = base("block_actions", user);
        payload.put("trigger_id", "trigger-" + sequence.incrementAndGet())
                .put("response_url", responseUrls.responseUrl("action-" + sequence.incrementAndGet()));
        payload.putObject("channel").put("id", channel).put("name", channel);
        payload.putObject("container").put("type", "message").put("channel_id", channel);
        payload.putArray("actions");
        return payload;
    }

    private ObjectNode base(String type, String user) {
        ObjectNode payload = json.createObjectNode();
        payload.put("type", type).put("api_app_id", "AMAYDAY").put("token", "deprecated-verification-token");
        payload.putObject("team").put("id", "T0MAYDAY").put("domain", "mayday-sandbox");
        payload.putObject("user").put("id", user).put("username", user.toLowerCase()).put("team_id", "T0MAYDAY");
        return payload;
    }

    private SlackReply interaction(ObjectNode payload) {
        return post("application/x-www-form-urlencoded", formEncode(Map.of("payload", payload.toString())), Instant.now());
    }

    /** {@code application/x-www-form-urlencoded}, as Slack encodes its forms. */
    public static String formEncode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** Where the simulated Slack's response URLs lead. */
    @FunctionalInterface
    public interface ResponseUrls {
        String responseUrl(String id);
    }

    public record SlackReply(int status, String body) {

        private static String blocksText(JsonNode blocks) {
            StringBuilder text = new StringBuilder();
            for (JsonNode block : blocks) {
                JsonNode part = block.path("text").path("text");
                if (part.isTextual()) {
                    text.append(text.length() == 0 ? "" : "\n").append(part.asText());
                }
            }
            return text.toString();
        }

        private static final ObjectMapper JSON = new ObjectMapper();

        /** What Slack shows the person: the {@code text} of a JSON answer, or the raw body otherwise. */
        public String text() {
            try {
                JsonNode answer = JSON.readTree(body);
                JsonNode text = answer.path("text");
                if (text.isTextual()) {
                    return text.asText();
                }
                return answer.path("blocks").isArray() ? blocksText(answer.path("blocks")) : body;
            } catch (IOException e) {
                return body;
            }
        }
    }
}
