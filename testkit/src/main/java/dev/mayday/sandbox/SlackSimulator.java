package dev.mayday.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.Map;
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
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final AtomicInteger sequence = new AtomicInteger();
    private final SlackEvents events = new SlackEvents(json, sequence);
    private final SlackPayloads payloads;

    public SlackSimulator(URI endpoint, String signingSecret, ResponseUrls responseUrls) {
        this.endpoint = endpoint;
        this.signer = new SlackRequestSigner(signingSecret);
        this.payloads = new SlackPayloads(json, sequence, responseUrls);
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
        return payloads.commandForm(user, channel, text, triggerId);
    }

    /** Submits the declare form with the given view id (the same id twice = a double click). */
    public SlackReply submitDeclareForm(String user, String viewId, String originChannel, String title,
                                        String severity, String summary, boolean isPrivate) {
        return submitDeclareForm(user, viewId, originChannel, title, severity, summary, isPrivate, false);
    }

    /** As above, with the form's *Practice* box ticked or not. */
    public SlackReply submitDeclareForm(String user, String viewId, String originChannel, String title,
                                        String severity, String summary, boolean isPrivate, boolean isPractice) {
        return interaction(payloads.declareForm(user, viewId, originChannel, title, severity, summary, isPrivate,
                isPractice));
    }

    /** Submits the update form (a reminder's "Post an update" opens it) for the incident in {@code incidentChannel}. */
    public SlackReply submitUpdateForm(String user, String viewId, String incidentChannel, String text) {
        return interaction(payloads.updateForm(user, viewId, incidentChannel, text));
    }

    public SlackReply selectStatus(String user, String channel, String status) {
        return interaction(payloads.statusSelected(user, channel, status));
    }

    public SlackReply clickButton(String user, String channel, String actionId) {
        return clickButton(user, channel, actionId, "card");
    }

    public SlackReply clickButton(String user, String channel, String actionId, String value) {
        return post("application/x-www-form-urlencoded", buttonClick(user, channel, actionId, value), Instant.now());
    }

    /** The form body Slack posts when {@code user} clicks a button in {@code channel}, to send (or resend) as is. */
    public String buttonClick(String user, String channel, String actionId, String value) {
        return formEncode(Map.of("payload", payloads.buttonClicked(user, channel, actionId, value).toString()));
    }

    /** The payload of a button click, as Slack sends it over Socket Mode (and, form-encoded, over HTTP). */
    public ObjectNode buttonPayload(String user, String channel, String actionId, String value) {
        return payloads.buttonClicked(user, channel, actionId, value);
    }

    /** The "Declare incident" message shortcut on message {@code messageTs}, written by {@code author}. */
    public SlackReply declareFromMessage(String user, String channel, String messageTs, String author, String text) {
        return interaction(payloads.messageShortcut("declare_from_message", user, channel, messageTs, author, text));
    }

    public SlackReply addToTimeline(String user, String channel, String messageTs, String author, String text) {
        return interaction(payloads.addToTimeline(user, channel, messageTs, author, text));
    }

    // --- Events API -----------------------------------------------------------------------------------

    /** A fresh event id, as Slack gives each event; a retry repeats the id of the event it retries. */
    public String newEventId() {
        return String.format("Ev%08d", sequence.incrementAndGet());
    }

    /** The Slack ts of a message posted at {@code at}: seconds and microseconds since the epoch. */
    public static String ts(Instant at) {
        return SlackEvents.ts(at);
    }

    public ObjectNode message(String user, String channel, String ts, String text) {
        return events.message(user, channel, ts, text);
    }

    public ObjectNode threadReply(String user, String channel, String ts, String threadTs, String text) {
        return events.threadReply(user, channel, ts, threadTs, text);
    }

    /** A thread reply that was also sent to the channel. */
    public ObjectNode threadBroadcast(String user, String channel, String ts, String threadTs, String text) {
        return events.threadBroadcast(user, channel, ts, threadTs, text);
    }

    public ObjectNode fileShare(String user, String channel, String ts, String text, String fileName) {
        return events.fileShare(user, channel, ts, text, fileName);
    }

    /** {@code user} edited their message {@code ts} at {@code editTs}. */
    public ObjectNode messageChanged(String user, String channel, String ts, String previousText, String newText,
                                     String editTs) {
        return events.messageChanged(user, channel, ts, previousText, newText, editTs);
    }

    /** The message {@code ts} by {@code user} was deleted at {@code deleteTs}. */
    public ObjectNode messageDeleted(String user, String channel, String ts, String previousText, String deleteTs) {
        return events.messageDeleted(user, channel, ts, previousText, deleteTs);
    }

    /** A message posted by an integration (a webhook, a monitoring app). */
    public ObjectNode botMessage(String botId, String channel, String ts, String text) {
        return events.botMessage(botId, channel, ts, text);
    }

    public ObjectNode channelJoin(String user, String channel, String ts) {
        return events.channelJoin(user, channel, ts);
    }

    /** Any other message subtype Slack posts in a channel (channel_topic, pinned_item, …). */
    public ObjectNode channelEvent(String subtype, String user, String channel, String ts, String text) {
        return events.channelEvent(subtype, user, channel, ts, text);
    }

    public ObjectNode reactionAdded(String user, String reaction, String channel, String ts, String itemUser) {
        return events.reactionAdded(user, reaction, channel, ts, itemUser);
    }

    public ObjectNode reactionRemoved(String user, String reaction, String channel, String ts, String itemUser) {
        return events.reactionRemoved(user, reaction, channel, ts, itemUser);
    }

    /** {@code user} opened the app's Home tab ({@code tab} "home") or Messages tab ("messages"). */
    public ObjectNode appHomeOpened(String user, String tab) {
        return events.appHomeOpened(user, tab);
    }

    /** The JSON body Slack posts for {@code event}. */
    public String eventCallback(ObjectNode event, String eventId) {
        return events.eventCallback(event, eventId);
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
