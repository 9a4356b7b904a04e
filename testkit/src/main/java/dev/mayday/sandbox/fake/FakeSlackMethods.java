package dev.mayday.sandbox.fake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.mayday.sandbox.fake.FakeSlackState.BOT_ID;
import static dev.mayday.sandbox.fake.FakeSlackState.BOT_USER_ID;
import static dev.mayday.sandbox.fake.FakeSlackState.TEAM_ID;

/**
 * The normal behaviour of each faked Web API method, plus the transcript line it leaves behind.
 * Response shapes follow Slack's closely enough for the official SDK's Gson models to parse them
 * (e.g. topic is an object, created is epoch seconds).
 */
final class FakeSlackMethods {

    private static final int MAX_NAME_LENGTH = 80;
    private static final int DEFAULT_PAGE_SIZE = 100;

    private final FakeSlackState state;
    private final String baseUrl;
    private final ObjectMapper json;

    FakeSlackMethods(FakeSlackState state, String baseUrl, ObjectMapper json) {
        this.state = state;
        this.baseUrl = baseUrl;
        this.json = json;
    }

    /** Slack-level failure: HTTP 200 with ok=false. Thrown from deep inside a method, caught in {@link #call}. */
    private static final class SlackError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SlackError(String code) {
            super(code, null, false, false);
        }
    }

    // --- entry points ----------------------------------------------------------------------------

    FakeReply call(String method, Map<String, String> p) {
        // One lock for the whole call keeps state change, ts order and transcript order consistent.
        synchronized (state) {
            try {
                return FakeReply.json(200, write(dispatch(method, p)));
            } catch (SlackError e) {
                return failure(method, e.getMessage());
            }
        }
    }

    private ObjectNode dispatch(String method, Map<String, String> p) {
        return switch (method) {
            case "auth.test" -> authTest();
            case "conversations.create" -> conversationsCreate(p);
            case "conversations.info" -> ok().set("channel", channelJson(existingChannel(p)));
            case "conversations.list" -> conversationsList(p);
            case "conversations.setTopic" -> conversationsSetTopic(p);
            case "conversations.invite" -> conversationsInvite(p);
            case "conversations.join" -> conversationsJoin(p);
            case "conversations.archive" -> conversationsArchive(p);
            case "conversations.members" -> conversationsMembers(p);
            case "conversations.history" -> conversationsHistory(p);
            case "chat.postMessage" -> chatPostMessage(p);
            case "chat.update" -> chatUpdate(p);
            case "chat.postEphemeral" -> chatPostEphemeral(p);
            case "chat.getPermalink" -> chatGetPermalink(p);
            case "views.open" -> viewsOpen(p, "opened");
            case "views.push" -> viewsOpen(p, "pushed");
            case "views.update" -> viewsUpdate(p);
            case "views.publish" -> viewsPublish(p);
            case "users.lookupByEmail" -> ok().set("user", userJson(state.userByEmail(p.get("email"))
                    .orElseThrow(() -> new SlackError("users_not_found"))));
            case "users.info" -> usersInfo(p);
            case "usergroups.users.list" -> userGroupUsers(p);
            case "files.getUploadURLExternal" -> filesGetUploadUrl(p);
            case "files.completeUploadExternal" -> filesCompleteUpload(p);
            case "files.delete" -> filesDelete(p);
            default -> throw new SlackError("unknown_method");
        };
    }

    /** A POST to a fake response_url (slash command / interaction reply). */
    FakeReply respond(String id, Map<String, String> p) {
        synchronized (state) {
            String label = state.responseLabel(id);
            if (truthy(p.get("delete_original"))) {
                state.note("  (reply to " + label + ") [original deleted]");
            } else {
                StringBuilder context = new StringBuilder(label);
                if ("in_channel".equals(p.get("response_type"))) {
                    context.append(", in channel");
                }
                if (truthy(p.get("replace_original"))) {
                    context.append(", replacing original");
                }
                state.note("  (reply to " + context + ") " + BlockKitText.render(p.get("blocks"), p.get("text")));
            }
            return FakeReply.json(200, "{\"ok\":true}");
        }
    }

    /** The raw byte POST to an upload_url handed out by files.getUploadURLExternal. */
    FakeReply upload(String fileId, byte[] bytes) {
        synchronized (state) {
            if (!state.storeUpload(fileId, bytes)) {
                state.note("! file_upload → 404 (unknown file id " + fileId + ")");
                return FakeReply.text(404, "file not found");
            }
            return FakeReply.text(200, "OK - " + bytes.length);
        }
    }

    /** Builds the reply for a scripted failure and notes it in the transcript. */
    FakeReply scripted(String method, FakeAnswer answer) {
        return switch (answer.kind()) {
            case RATE_LIMITED -> {
                noteFailure(method, "429 (Retry-After " + answer.retryAfterSeconds() + ")");
                yield FakeReply.json(429, "{\"ok\":false,\"error\":\"ratelimited\"}")
                        .withHeader("Retry-After", Integer.toString(answer.retryAfterSeconds()));
            }
            case HTTP_ERROR -> {
                noteFailure(method, Integer.toString(answer.status()));
                yield FakeReply.text(answer.status(), "fake slack: HTTP " + answer.status());
            }
            case SLACK_ERROR -> failure(method, answer.error());
            case DELAYED, DROP_CONNECTION, ACTED_THEN_FAILED, ANSWERED_LATE ->
                    throw new IllegalArgumentException(answer.kind() + " has no reply of its own");
        };
    }

    void connectionDropped(String method) {
        noteFailure(method, "connection dropped");
    }

    /** The request body could not be read in its declared encoding. */
    FakeReply unreadable(String method) {
        return failure(method, "invalid_form_data");
    }

    private FakeReply failure(String method, String error) {
        noteFailure(method, error);
        ObjectNode body = json.createObjectNode().put("ok", false).put("error", error);
        return FakeReply.json(200, write(body));
    }

    private void noteFailure(String method, String what) {
        if (!"auth.test".equals(method)) {
            state.note("! " + method + " → " + what);
        }
    }

    // --- auth & conversations ----------------------------------------------------------------------

    private ObjectNode authTest() {
        return ok()
                .put("url", "https://fake.slack/")
                .put("team", "Mayday Sandbox")
                .put("user", "mayday")
                .put("team_id", TEAM_ID)
                .put("user_id", BOT_USER_ID)
                .put("bot_id", BOT_ID)
                .put("is_enterprise_install", false);
    }

    private ObjectNode conversationsCreate(Map<String, String> p) {
        String name = p.getOrDefault("name", "");
        if (name.isEmpty() || !name.chars().allMatch(FakeSlackMethods::isNameChar)) {
            throw new SlackError("invalid_name_specials");
        }
        if (name.length() > MAX_NAME_LENGTH) {
            throw new SlackError("invalid_name_maxlength");
        }
        if (state.channelByName(name).isPresent()) {
            throw new SlackError("name_taken");
        }
        FakeChannel channel = state.createChannel(name, truthy(p.get("is_private")), BOT_USER_ID);
        state.note("+ #" + name + " created (" + (channel.isPrivate() ? "private" : "public") + ")");
        return ok().set("channel", channelJson(channel));
    }

    private static boolean isNameChar(int c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    }

    private ObjectNode conversationsList(Map<String, String> p) {
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

        ObjectNode result = ok();
        ArrayNode array = result.putArray("channels");
        matching.subList(from, to).forEach(c -> array.add(channelJson(c)));
        String next = to < matching.size() ? encodeCursor(to) : "";
        result.putObject("response_metadata").put("next_cursor", next);
        return result;
    }

    /** Newest first, as Slack returns it; metadata only with include_all_metadata, as in Slack. */
    private ObjectNode conversationsHistory(Map<String, String> p) {
        FakeChannel channel = existingChannel(p);
        double oldest = isBlank(p.get("oldest")) ? 0 : Double.parseDouble(p.get("oldest"));
        int limit = parseInt(p.get("limit"), DEFAULT_PAGE_SIZE);
        boolean withMetadata = truthy(p.get("include_all_metadata"));
        List<FakeMessage> newestFirst = new java.util.ArrayList<>(state.messages(channel.id()));
        java.util.Collections.reverse(newestFirst);
        ObjectNode result = ok();
        ArrayNode array = result.putArray("messages");
        newestFirst.stream().filter(m -> Double.parseDouble(m.ts()) > oldest).limit(Math.max(1, limit)).forEach(m -> {
            ObjectNode node = messageJson(m);
            if (!withMetadata) {
                node.remove("metadata");
            }
            array.add(node);
        });
        result.put("has_more", false);
        return result;
    }

    private ObjectNode conversationsSetTopic(Map<String, String> p) {
        FakeChannel channel = existingChannel(p);
        String topic = p.getOrDefault("topic", "");
        channel.setTopic(topic, BOT_USER_ID, state.now());
        state.note("  topic #" + channel.name() + ": \"" + topic + "\"");
        return ok().set("channel", channelJson(channel));
    }

    private ObjectNode conversationsInvite(Map<String, String> p) {
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
        state.note("  invited " + String.join(", ", added) + " to #" + channel.name());
        return ok().set("channel", channelJson(channel));
    }

    private ObjectNode conversationsJoin(Map<String, String> p) {
        FakeChannel channel = existingChannel(p);
        if (channel.isArchived()) {
            throw new SlackError("is_archived");
        }
        ObjectNode result = ok();
        if (channel.members().add(BOT_USER_ID)) {
            state.note("  (bot joined #" + channel.name() + ")");
        } else {
            result.put("warning", "already_in_channel");
        }
        return result.set("channel", channelJson(channel));
    }

    private ObjectNode conversationsArchive(Map<String, String> p) {
        FakeChannel channel = existingChannel(p);
        if (channel.isArchived()) {
            throw new SlackError("already_archived");
        }
        channel.archive();
        state.note("  archived #" + channel.name());
        return ok();
    }

    private ObjectNode conversationsMembers(Map<String, String> p) {
        FakeChannel channel = existingChannel(p);
        ObjectNode result = ok();
        ArrayNode members = result.putArray("members");
        channel.members().stream().sorted().forEach(members::add);
        result.putObject("response_metadata").put("next_cursor", "");
        return result;
    }

    private FakeChannel existingChannel(Map<String, String> p) {
        return state.channel(state.resolveChannel(p.get("channel")))
                .orElseThrow(() -> new SlackError("channel_not_found"));
    }

    // --- chat ------------------------------------------------------------------------------------

    private ObjectNode chatPostMessage(Map<String, String> p) {
        String channel = conversationFor(p.get("channel"));
        String blocks = validBlocks(p.get("blocks"));
        String text = p.getOrDefault("text", "");
        if (text.isBlank() && blocks == null && isBlank(p.get("attachments"))) {
            throw new SlackError("no_text");
        }
        String threadTs = isBlank(p.get("thread_ts")) ? null : p.get("thread_ts");
        FakeMessage message = new FakeMessage(channel, state.nextTs(), text, blocks,
                validMetadata(p.get("metadata")), BOT_USER_ID, threadTs);
        state.putMessage(message);
        state.note("  " + state.display(channel) + "  " + (threadTs != null ? "↳ " : "")
                + (message.hasBlocks() ? "[card] " : "") + BlockKitText.render(blocks, text));
        return ok().put("channel", channel).put("ts", message.ts()).set("message", messageJson(message));
    }

    private ObjectNode chatUpdate(Map<String, String> p) {
        String channel = state.resolveChannel(p.get("channel"));
        if (channel == null || !state.knownConversation(channel)) {
            throw new SlackError("channel_not_found");
        }
        FakeMessage old = state.message(channel, p.get("ts"))
                .orElseThrow(() -> new SlackError("message_not_found"));
        // Slack keeps whatever the update leaves out; an empty blocks array clears the blocks.
        String text = p.containsKey("text") ? p.get("text") : old.text();
        String blocks = p.containsKey("blocks") ? validBlocks(p.get("blocks")) : old.blocksJson();
        String metadata = p.containsKey("metadata") ? validMetadata(p.get("metadata")) : old.metadataJson();
        FakeMessage updated = new FakeMessage(channel, old.ts(), text, blocks, metadata, old.user(), old.threadTs());
        state.putMessage(updated);
        state.note("  " + state.display(channel) + "  " + (updated.hasBlocks() ? "[card updated] " : "[updated] ")
                + BlockKitText.render(blocks, text));
        return ok().put("channel", channel).put("ts", old.ts()).put("text", text)
                .set("message", messageJson(updated));
    }

    private ObjectNode chatPostEphemeral(Map<String, String> p) {
        String channel = conversationFor(p.get("channel"));
        String user = p.get("user");
        if (isBlank(user)) {
            throw new SlackError("user_not_found");
        }
        String blocks = validBlocks(p.get("blocks"));
        String text = p.getOrDefault("text", "");
        if (text.isBlank() && blocks == null && isBlank(p.get("attachments"))) {
            throw new SlackError("no_text");
        }
        state.note("  (ephemeral to <@" + user + "> in " + state.display(channel) + ") "
                + BlockKitText.render(blocks, text));
        return ok().put("message_ts", state.nextTs());
    }

    private ObjectNode chatGetPermalink(Map<String, String> p) {
        String channel = state.resolveChannel(p.get("channel"));
        FakeMessage message = state.message(channel, p.get("message_ts"))
                .orElseThrow(() -> new SlackError("message_not_found"));
        return ok().put("channel", channel)
                .put("permalink", "https://fake.slack/archives/" + channel + "/p" + message.ts().replace(".", ""));
    }

    /** Posting accepts unknown ids too, so DMs and channels configured only by id still work. */
    private String conversationFor(String raw) {
        if (isBlank(raw)) {
            throw new SlackError("channel_not_found");
        }
        String channel = state.resolveChannel(raw.strip());
        if (state.channel(channel).map(FakeChannel::isArchived).orElse(false)) {
            throw new SlackError("is_archived");
        }
        return channel;
    }

    // --- views -----------------------------------------------------------------------------------

    private ObjectNode viewsOpen(Map<String, String> p, String verb) {
        if (isBlank(p.get("trigger_id")) && isBlank(p.get("interactivity_pointer"))) {
            throw new SlackError("invalid_arguments");
        }
        return view(p, state.nextViewId(), verb);
    }

    private ObjectNode viewsUpdate(Map<String, String> p) {
        String id = p.get("view_id");
        if (isBlank(id) && isBlank(p.get("external_id"))) {
            throw new SlackError("invalid_arguments");
        }
        // Any view id is accepted: tests often fabricate the view a submission came from.
        return view(p, isBlank(id) ? state.nextViewId() : id, "updated");
    }

    /** A user's App Home: Slack keeps one view per user and app, replaced by each publish. */
    private ObjectNode viewsPublish(Map<String, String> p) {
        String user = p.get("user_id");
        if (isBlank(user)) {
            throw new SlackError("invalid_arguments");
        }
        JsonNode parsed = parse(p.get("view"));
        if (parsed == null || !parsed.isObject() || !"home".equals(parsed.path("type").asText())) {
            throw new SlackError("invalid_arguments");
        }
        ObjectNode view = ((ObjectNode) parsed).deepCopy();
        view.put("id", state.nextViewId()).put("team_id", TEAM_ID).put("app_id", "AMAYDAY").put("bot_id", BOT_ID);
        String text = BlockKitText.render(view.path("blocks"));
        state.publishHome(user, text);
        state.note("  [home of <@" + user + "> published] " + text);
        return ok().set("view", view);
    }

    private ObjectNode view(Map<String, String> p, String id, String verb) {
        JsonNode parsed = parse(p.get("view"));
        if (parsed == null || !parsed.isObject()) {
            throw new SlackError("invalid_arguments");
        }
        ObjectNode view = ((ObjectNode) parsed).deepCopy();
        view.put("id", id).put("team_id", TEAM_ID).put("app_id", "AMAYDAY").put("bot_id", BOT_ID)
                .put("hash", id + "-" + Long.toHexString(System.nanoTime()));
        if (!view.hasNonNull("type")) {
            view.put("type", "modal");
        }
        view.putObject("state").putObject("values");
        String title = BlockKitText.clean(view.path("title").path("text").asText(""));
        state.note("  [modal " + verb + "] " + (title.isEmpty() ? "(untitled)" : title));
        return ok().set("view", view);
    }

    // --- users -----------------------------------------------------------------------------------

    private ObjectNode usersInfo(Map<String, String> p) {
        String id = p.get("user");
        if (BOT_USER_ID.equals(id)) {
            ObjectNode bot = json.createObjectNode()
                    .put("id", BOT_USER_ID).put("team_id", TEAM_ID).put("name", "mayday")
                    .put("real_name", "Mayday").put("deleted", false).put("is_bot", true);
            bot.putObject("profile").put("bot_id", BOT_ID).put("real_name", "Mayday").put("display_name", "mayday");
            return ok().set("user", bot);
        }
        return ok().set("user", userJson(state.user(id).orElseThrow(() -> new SlackError("user_not_found"))));
    }

    /** A user group's member ids, as Slack lists them; an unknown group is {@code no_such_subteam}. */
    private ObjectNode userGroupUsers(Map<String, String> p) {
        List<String> members = state.userGroup(p.get("usergroup")).orElseThrow(() -> new SlackError("no_such_subteam"));
        ObjectNode result = ok();
        ArrayNode users = result.putArray("users");
        members.forEach(users::add);
        return result;
    }

    private ObjectNode userJson(FakeUser user) {
        ObjectNode node = json.createObjectNode()
                .put("id", user.id()).put("team_id", TEAM_ID).put("name", user.name())
                .put("real_name", user.name()).put("deleted", false).put("is_bot", false)
                .put("is_admin", false).put("tz", "Etc/UTC");
        node.putObject("profile").put("email", user.email()).put("real_name", user.name())
                .put("display_name", user.name());
        return node;
    }

    // --- files -----------------------------------------------------------------------------------

    private ObjectNode filesGetUploadUrl(Map<String, String> p) {
        String filename = p.get("filename");
        if (isBlank(filename)) {
            throw new SlackError("invalid_arguments");
        }
        FakeSlackState.PendingFile file = state.newFile(filename, parseInt(p.get("length"), 0));
        return ok().put("upload_url", baseUrl + "/upload/" + file.id()).put("file_id", file.id());
    }

    private ObjectNode filesDelete(Map<String, String> p) {
        String id = p.get("file");
        if (isBlank(id) || !state.deleteFile(id)) {
            throw new SlackError("file_not_found");
        }
        state.note("  [file deleted] " + id);
        return ok();
    }

    private ObjectNode filesCompleteUpload(Map<String, String> p) {
        JsonNode requested = parse(p.get("files"));
        if (requested == null || !requested.isArray() || requested.isEmpty()) {
            throw new SlackError("invalid_arguments");
        }
        List<FakeSlackState.PendingFile> uploaded = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        for (JsonNode entry : requested) {
            FakeSlackState.PendingFile file = state.file(entry.path("id").asText(null))
                    .filter(FakeSlackState.PendingFile::uploaded)
                    .orElseThrow(() -> new SlackError("file_not_found"));
            uploaded.add(file);
            titles.add(entry.path("title").asText(file.filename()));
        }
        String channelParam = !isBlank(p.get("channel_id")) ? p.get("channel_id") : p.get("channels");
        String channel = isBlank(channelParam) ? null : state.resolveChannel(channelParam.strip());
        String comment = BlockKitText.clean(p.get("initial_comment"));

        ObjectNode result = ok();
        ArrayNode files = result.putArray("files");
        for (int i = 0; i < uploaded.size(); i++) {
            FakeSlackState.PendingFile file = uploaded.get(i);
            files.addObject().put("id", file.id()).put("name", file.filename()).put("title", titles.get(i))
                    .put("size", file.bytes().length).put("user", BOT_USER_ID);
            state.note("  [file uploaded] " + file.filename() + " (" + file.bytes().length + " bytes)"
                    + (channel == null ? "" : " to " + state.display(channel))
                    + (comment.isEmpty() ? "" : ": " + comment));
        }
        return result;
    }

    // --- JSON helpers ----------------------------------------------------------------------------

    private ObjectNode ok() {
        return json.createObjectNode().put("ok", true);
    }

    private ObjectNode channelJson(FakeChannel c) {
        ObjectNode node = json.createObjectNode()
                .put("id", c.id()).put("name", c.name()).put("name_normalized", c.name())
                .put("is_channel", true).put("is_group", false).put("is_im", false).put("is_mpim", false)
                .put("is_private", c.isPrivate()).put("is_archived", c.isArchived()).put("is_general", false)
                .put("is_shared", false).put("is_ext_shared", false).put("is_org_shared", false)
                .put("is_member", c.members().contains(BOT_USER_ID))
                .put("created", c.createdAt().getEpochSecond()).put("creator", c.creator())
                .put("num_members", c.members().size());
        node.putObject("topic").put("value", c.topic()).put("creator", c.topicSetBy())
                .put("last_set", c.topicSetAt() == null ? 0 : c.topicSetAt().getEpochSecond());
        node.putObject("purpose").put("value", "").put("creator", "").put("last_set", 0);
        return node;
    }

    private ObjectNode messageJson(FakeMessage m) {
        ObjectNode node = json.createObjectNode()
                .put("type", "message").put("user", m.user()).put("bot_id", BOT_ID).put("team", TEAM_ID)
                .put("text", m.text()).put("ts", m.ts());
        if (m.threadTs() != null) {
            node.put("thread_ts", m.threadTs());
        }
        if (m.hasBlocks()) {
            node.set("blocks", parse(m.blocksJson()));
        }
        if (m.metadataJson() != null) {
            node.set("metadata", parse(m.metadataJson()));
        }
        return node;
    }

    /** Blocks must be a JSON array, as Slack insists; an empty array means "no blocks". */
    private String validBlocks(String blocks) {
        if (isBlank(blocks)) {
            return null;
        }
        JsonNode parsed = parse(blocks);
        if (parsed == null || !parsed.isArray()) {
            throw new SlackError("invalid_blocks");
        }
        return parsed.isEmpty() ? null : blocks;
    }

    private String validMetadata(String metadata) {
        if (isBlank(metadata)) {
            return null;
        }
        JsonNode parsed = parse(metadata);
        if (parsed == null || !parsed.isObject()) {
            throw new SlackError("invalid_metadata_format");
        }
        return metadata;
    }

    private JsonNode parse(String text) {
        if (isBlank(text)) {
            return null;
        }
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private String write(JsonNode node) {
        try {
            return json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise fake response", e);
        }
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

    private static int parseInt(String value, int fallback) {
        if (isBlank(value)) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static boolean truthy(String value) {
        return "true".equalsIgnoreCase(value) || "1".equals(value);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
