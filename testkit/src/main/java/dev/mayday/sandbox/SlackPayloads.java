package dev.mayday.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** What Slack posts when someone acts: a slash command's form and the interaction payloads (forms, menus, buttons). */
final class SlackPayloads {

    private final ObjectMapper json;
    private final AtomicInteger sequence;
    private final SlackSimulator.ResponseUrls responseUrls;

    SlackPayloads(ObjectMapper json, AtomicInteger sequence, SlackSimulator.ResponseUrls responseUrls) {
        this.json = json;
        this.sequence = sequence;
        this.responseUrls = responseUrls;
    }

    /** The form Slack posts for a slash command, for callers that send it changed (fields missing, odd values). */
    Map<String, String> commandForm(String user, String channel, String text, String triggerId) {
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

    /** A declare form submitted from view {@code viewId}. */
    ObjectNode declareForm(String user, String viewId, String originChannel, String title,
                           String severity, String summary, boolean isPrivate, boolean isPractice) {
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
        ArrayNode practice = values.putObject("practice").putObject("value").put("type", "checkboxes")
                .putArray("selected_options");
        if (isPractice) {
            practice.addObject().put("value", "practice");
        }
        ObjectNode payload = base("view_submission", user);
        ObjectNode view = payload.putObject("view");
        view.put("id", viewId).put("type", "modal").put("callback_id", "declare_incident")
                .put("private_metadata", originChannel == null ? "" : originChannel);
        view.putObject("state").set("values", values);
        return payload;
    }

    /** The update form a reminder's "Post an update" opened, submitted with {@code text}. */
    ObjectNode updateForm(String user, String viewId, String incidentChannel, String text) {
        ObjectNode payload = base("view_submission", user);
        ObjectNode view = payload.putObject("view");
        view.put("id", viewId).put("type", "modal").put("callback_id", "post_update")
                .put("private_metadata", incidentChannel);
        view.putObject("state").putObject("values").putObject("update").putObject("value")
                .put("type", "plain_text_input").put("value", text);
        return payload;
    }

    /** {@code user} picks {@code status} in the card's status menu. */
    ObjectNode statusSelected(String user, String channel, String status) {
        ObjectNode payload = blockActions(user, channel);
        ObjectNode action = ((ArrayNode) payload.get("actions")).addObject();
        action.put("type", "static_select").put("action_id", "incident_status").put("block_id", "incident_actions")
                .put("action_ts", Instant.now().getEpochSecond() + ".000100");
        action.putObject("selected_option").put("value", status);
        return payload;
    }

    /** {@code user} clicks button {@code actionId} in {@code channel}. */
    ObjectNode buttonClicked(String user, String channel, String actionId, String value) {
        ObjectNode payload = blockActions(user, channel);
        ((ArrayNode) payload.get("actions")).addObject().put("type", "button").put("action_id", actionId)
                .put("block_id", "incident_actions").put("value", value)
                .put("action_ts", Instant.now().getEpochSecond() + ".000100");
        return payload;
    }

    /** The "Add to timeline" message shortcut on message {@code messageTs}. */
    ObjectNode addToTimeline(String user, String channel, String messageTs, String author, String text) {
        return messageShortcut("add_to_timeline", user, channel, messageTs, author, text);
    }

    /** Message shortcut {@code callbackId} on message {@code messageTs}. */
    ObjectNode messageShortcut(String callbackId, String user, String channel, String messageTs, String author,
                               String text) {
        ObjectNode payload = base("message_action", user);
        payload.put("callback_id", callbackId).put("trigger_id", "trigger-" + sequence.incrementAndGet())
                .put("message_ts", messageTs)
                .put("response_url", responseUrls.responseUrl("shortcut-" + sequence.incrementAndGet()));
        payload.putObject("channel").put("id", channel).put("name", channel);
        payload.putObject("message").put("type", "message").put("user", author).put("ts", messageTs).put("text", text);
        return payload;
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
}
