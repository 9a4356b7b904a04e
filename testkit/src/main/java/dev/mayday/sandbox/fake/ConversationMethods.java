package dev.mayday.sandbox.fake;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mayday.sandbox.fake.TranscriptLine.Surface;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.mayday.sandbox.fake.FakeSlackState.BOT_USER_ID;
import static dev.mayday.sandbox.fake.RequestParams.isBlank;
import static dev.mayday.sandbox.fake.RequestParams.parseInt;
import static dev.mayday.sandbox.fake.RequestParams.truthy;

/** The fake's conversations.* methods: channels created, listed, joined, archived, and their history. */
final class ConversationMethods {

    private static final int MAX_NAME_LENGTH = 80;
    private static final int DEFAULT_PAGE_SIZE = 100;

    private final FakeSlackState state;
    private final SlackJson json;
    private final Transcript transcript;

    ConversationMethods(FakeSlackState state, SlackJson json, Transcript transcript) {
        this.state = state;
        this.json = json;
        this.transcript = transcript;
    }

    ObjectNode conversationsInfo(Map<String, String> p) {
        return json.ok().set("channel", json.channelJson(existingChannel(p)));
    }

    ObjectNode conversationsCreate(Map<String, String> p) {
        String name = p.getOrDefault("name", "");
        if (name.isEmpty() || !name.chars().allMatch(ConversationMethods::isNameChar)) {
            throw new SlackError("invalid_name_specials");
        }
        if (name.length() > MAX_NAME_LENGTH) {
            throw new SlackError("invalid_name_maxlength");
        }
        if (state.channelByName(name).isPresent()) {
            throw new SlackError("name_taken");
        }
        FakeChannel channel = state.createChannel(name, truthy(p.get("is_private")), BOT_USER_ID);
        String created = "created (" + (channel.isPrivate() ? "private" : "public") + ")";
        transcript.note(Surface.CHANNEL, "#" + name, created, "+ #" + name + " " + created);
        return json.ok().set("channel", json.channelJson(channel));
    }

    private static boolean isNameChar(int c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    }

    ObjectNode conversationsList(Map<String, String> p) {
        String types = p.getOrDefault("types", "public_channel");
        boolean wantPublic = types.contains("public_channel");
        boolean wantPrivate = types.contains("private_channel");
        boolean excludeArchived = truthy(p.get("exclude_archived"));
        List<FakeChannel> matching = state.channels().stream()
                .filter(c -> c.isPrivate() ? wantPrivate : wantPublic)
                .filter(c -> !(excludeArchived && c.isArchived()))
                .toList();
        int limit = parseInt(p.get("limit"), DEFAULT_PAGE_SIZE);
        limit = limit <= 0 ? DEFAULT_PAGE_SIZE : Math.min(limit, 1000);
        int from = Math.min(decodeCursor(p.get("cursor")), matching.size());
        int to = Math.min(from + limit, matching.size());

        ObjectNode result = json.ok();
        ArrayNode array = result.putArray("channels");
        matching.subList(from, to).forEach(c -> array.add(json.channelJson(c)));
        String next = to < matching.size() ? encodeCursor(to) : "";
        result.putObject("response_metadata").put("next_cursor", next);
        return result;
    }

    /** Newest first, as Slack returns it; metadata only with include_all_metadata, as in Slack. */
    ObjectNode conversationsHistory(Map<String, String> p) {
        FakeChannel channel = existingChannel(p);
        double oldest = isBlank(p.get("oldest")) ? 0 : Double.parseDouble(p.get("oldest"));
        int limit = parseInt(p.get("limit"), DEFAULT_PAGE_SIZE);
        boolean withMetadata = truthy(p.get("include_all_metadata"));
        List<FakeMessage> newestFirst = new java.util.ArrayList<>(state.messages(channel.id()));
        java.util.Collections.reverse(newestFirst);
        ObjectNode result = json.ok();
        ArrayNode array = result.putArray("messages");
        newestFirst.stream().filter(m -> Double.parseDouble(m.ts()) > oldest).limit(Math.max(1, limit)).forEach(m -> {
            ObjectNode node = json.messageJson(m);
            if (!withMetadata) {
                node.remove("metadata");
            }
            array.add(node);
        });
        result.put("has_more", false);
        return result;
    }

    /** A thread: its parent, then its replies, oldest first (only those after {@code oldest}, as Slack filters). */
    ObjectNode conversationsReplies(Map<String, String> p) {
        FakeChannel channel = existingChannel(p);
        String parent = p.get("ts");
        if (isBlank(parent) || state.message(channel.id(), parent).isEmpty()) {
            throw new SlackError("thread_not_found");
        }
        double oldest = isBlank(p.get("oldest")) ? 0 : Double.parseDouble(p.get("oldest"));
        int limit = parseInt(p.get("limit"), DEFAULT_PAGE_SIZE);
        boolean withMetadata = truthy(p.get("include_all_metadata"));
        ObjectNode result = json.ok();
        ArrayNode array = result.putArray("messages");
        state.messages(channel.id()).stream()
                .filter(m -> m.ts().equals(parent) || parent.equals(m.threadTs()))
                .filter(m -> m.ts().equals(parent) || Double.parseDouble(m.ts()) > oldest)
                .limit(Math.max(1, limit)).forEach(m -> {
                    ObjectNode node = json.messageJson(m);
                    if (!withMetadata) {
                        node.remove("metadata");
                    }
                    array.add(node);
                });
        result.put("has_more", false);
        return result;
    }

    ObjectNode conversationsSetTopic(Map<String, String> p) {
        FakeChannel channel = existingChannel(p);
        String topic = p.getOrDefault("topic", "");
        channel.setTopic(topic, BOT_USER_ID, state.now());
        transcript.note(Surface.CHANNEL, "#" + channel.name(), "topic: \"" + topic + "\"",
                "  topic #" + channel.name() + ": \"" + topic + "\"");
        return json.ok().set("channel", json.channelJson(channel));
    }

    ObjectNode conversationsInvite(Map<String, String> p) {
        FakeChannel channel = existingChannel(p);
        Set<String> requested = new LinkedHashSet<>();
        for (String user : p.getOrDefault("users", "").split(",")) {
            if (!user.isBlank()) {
                requested.add(user.strip());
            }
        }
        if (requested.isEmpty()) {
            throw new SlackError("no_user");
        }
        List<String> added = new ArrayList<>();
        for (String user : requested) {
            if (channel.members().add(user)) {
                added.add("<@" + user + ">");
            }
        }
        if (added.isEmpty()) {
            throw new SlackError("already_in_channel");
        }
        transcript.note(Surface.CHANNEL, "#" + channel.name(), "invited " + String.join(", ", added),
                "  invited " + String.join(", ", added) + " to #" + channel.name());
        return json.ok().set("channel", json.channelJson(channel));
    }

    ObjectNode conversationsJoin(Map<String, String> p) {
        FakeChannel channel = existingChannel(p);
        if (channel.isArchived()) {
            throw new SlackError("is_archived");
        }
        ObjectNode result = json.ok();
        if (channel.members().add(BOT_USER_ID)) {
            transcript.note(Surface.CHANNEL, "#" + channel.name(), "(bot joined)", "  (bot joined #" + channel.name() + ")");
        } else {
            result.put("warning", "already_in_channel");
        }
        return result.set("channel", json.channelJson(channel));
    }

    ObjectNode conversationsArchive(Map<String, String> p) {
        FakeChannel channel = existingChannel(p);
        if (channel.isArchived()) {
            throw new SlackError("already_archived");
        }
        channel.archive();
        transcript.note(Surface.CHANNEL, "#" + channel.name(), "archived", "  archived #" + channel.name());
        return json.ok();
    }

    ObjectNode conversationsMembers(Map<String, String> p) {
        FakeChannel channel = existingChannel(p);
        ObjectNode result = json.ok();
        ArrayNode members = result.putArray("members");
        channel.members().stream().sorted().forEach(members::add);
        result.putObject("response_metadata").put("next_cursor", "");
        return result;
    }

    FakeChannel existingChannel(Map<String, String> p) {
        return state.channel(state.resolveChannel(p.get("channel")))
                .orElseThrow(() -> new SlackError("channel_not_found"));
    }

    // Cursors are opaque to clients; base64 keeps them from looking like page numbers.
    private static String encodeCursor(int offset) {
        return Base64.getEncoder().encodeToString(("offset:" + offset).getBytes(StandardCharsets.UTF_8));
    }

    private static int decodeCursor(String cursor) {
        if (isBlank(cursor)) {
            return 0;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (decoded.startsWith("offset:")) {
                return Integer.parseInt(decoded.substring("offset:".length()));
            }
        } catch (IllegalArgumentException e) {
            // falls through to the Slack error below
        }
        throw new SlackError("invalid_cursor");
    }
}
