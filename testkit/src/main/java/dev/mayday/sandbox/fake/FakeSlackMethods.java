package dev.mayday.sandbox.fake;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mayday.sandbox.fake.TranscriptLine.Surface;

import java.util.Map;
import java.util.function.Supplier;

import static dev.mayday.sandbox.fake.FakeSlackState.BOT_ID;
import static dev.mayday.sandbox.fake.FakeSlackState.BOT_USER_ID;
import static dev.mayday.sandbox.fake.FakeSlackState.TEAM_ID;
import static dev.mayday.sandbox.fake.RequestParams.truthy;

/**
 * The normal behaviour of each faked Web API method, plus the transcript line it leaves behind.
 * Response shapes follow Slack's closely enough for the official SDK's Gson models to parse them
 * (e.g. topic is an object, created is epoch seconds).
 */
final class FakeSlackMethods {

    static final String CONNECTIONS_OPEN = "apps.connections.open";
    /** Who a user token ({@code xoxp-…}) belongs to: the person who installed the app. */
    static final String INSTALLER_USER_ID = "U0INSTALLER";

    private final FakeSlackState state;
    private final SlackJson json;
    private final Transcript transcript;
    private final ConversationMethods conversations;
    private final ChatMethods chat;
    private final ViewMethods views;
    private final UserMethods users;
    private final FileMethods files;

    private final Supplier<FakeSocketMode> socketMode;

    FakeSlackMethods(FakeSlackState state, Transcript transcript, String baseUrl, ObjectMapper mapper,
                     Supplier<FakeSocketMode> socketMode) {
        this.state = state;
        this.socketMode = socketMode;
        this.transcript = transcript;
        this.json = new SlackJson(mapper);
        this.conversations = new ConversationMethods(state, json, transcript);
        this.chat = new ChatMethods(state, json, transcript);
        this.views = new ViewMethods(state, json, transcript);
        this.users = new UserMethods(state, json);
        this.files = new FileMethods(state, json, transcript, baseUrl);
    }

    // --- entry points ----------------------------------------------------------------------------

    /** {@code authorization} is the request's header ({@code Bearer xoxb-…}), null when the token came in the body. */
    FakeReply call(String method, Map<String, String> p, String authorization) {
        // One lock for the whole call keeps state change, ts order and transcript order consistent.
        synchronized (state) {
            try {
                if ("auth.test".equals(method)) {
                    return FakeReply.json(200, json.write(authTest(token(authorization, p))));
                }
                return FakeReply.json(200, json.write(dispatch(method, p)));
            } catch (SlackError e) {
                return failure(method, e.getMessage());
            }
        }
    }

    private ObjectNode dispatch(String method, Map<String, String> p) {
        return switch (method) {
            case "conversations.create" -> conversations.conversationsCreate(p);
            case "conversations.info" -> conversations.conversationsInfo(p);
            case "conversations.list" -> conversations.conversationsList(p);
            case "conversations.setTopic" -> conversations.conversationsSetTopic(p);
            case "conversations.invite" -> conversations.conversationsInvite(p);
            case "conversations.join" -> conversations.conversationsJoin(p);
            case "conversations.archive" -> conversations.conversationsArchive(p);
            case "conversations.members" -> conversations.conversationsMembers(p);
            case "conversations.history" -> conversations.conversationsHistory(p);
            case "conversations.replies" -> conversations.conversationsReplies(p);
            case "chat.postMessage" -> chat.chatPostMessage(p);
            case "chat.update" -> chat.chatUpdate(p);
            case "chat.postEphemeral" -> chat.chatPostEphemeral(p);
            case "chat.getPermalink" -> chat.chatGetPermalink(p);
            case "views.open" -> views.viewsOpen(p, "opened");
            case "views.push" -> views.viewsOpen(p, "pushed");
            case "views.update" -> views.viewsUpdate(p);
            case "views.publish" -> views.viewsPublish(p);
            case "users.lookupByEmail" -> users.usersLookupByEmail(p);
            case "users.info" -> users.usersInfo(p);
            case "usergroups.users.list" -> users.userGroupUsers(p);
            case "files.getUploadURLExternal" -> files.filesGetUploadUrl(p);
            case "files.completeUploadExternal" -> files.filesCompleteUpload(p);
            case "files.delete" -> files.filesDelete(p);
            default -> throw new SlackError("unknown_method");
        };
    }

    /** {@code apps.connections.open}: an address for one Socket Mode connection, for an app-level token only. */
    FakeReply connectionsOpen(String authorization) {
        synchronized (state) {
            if (authorization == null || !authorization.startsWith("Bearer ")) {
                return failure(CONNECTIONS_OPEN, "not_authed");
            }
            if (!authorization.startsWith("Bearer xapp-")) {
                return failure(CONNECTIONS_OPEN, "not_allowed_token_type");
            }
        }
        String address = socketMode.get().newAddress();
        return FakeReply.json(200, json.write(json.ok().put("url", address)));
    }

    /** A POST to a fake response_url (slash command / interaction reply). */
    FakeReply respond(String id, Map<String, String> p) {
        synchronized (state) {
            String label = state.responseLabel(id);
            if (truthy(p.get("delete_original"))) {
                transcript.note(Surface.REPLY, label, "[original deleted]", "  (reply to " + label + ") [original deleted]");
            } else {
                StringBuilder how = new StringBuilder();
                if ("in_channel".equals(p.get("response_type"))) {
                    how.append(", in channel");
                }
                if (truthy(p.get("replace_original"))) {
                    how.append(", replacing original");
                }
                String text = BlockKitText.render(p.get("blocks"), p.get("text"));
                transcript.note(Surface.REPLY, label, (how.isEmpty() ? "" : "(" + how.substring(2) + ") ") + text,
                        "  (reply to " + label + how + ") " + text);
            }
            return FakeReply.json(200, "{\"ok\":true}");
        }
    }

    /** The raw byte POST to an upload_url handed out by files.getUploadURLExternal. */
    FakeReply upload(String fileId, byte[] bytes) {
        synchronized (state) {
            if (!state.storeUpload(fileId, bytes)) {
                transcript.failure("file_upload → 404 (unknown file id " + fileId + ")");
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
        return FakeReply.json(200, json.write(body));
    }

    private void noteFailure(String method, String what) {
        if (!"auth.test".equals(method)) {
            transcript.failure(method + " → " + what);
        }
    }

    // --- auth ------------------------------------------------------------------------------------

    private static String token(String authorization, Map<String, String> p) {
        if (authorization != null && authorization.startsWith("Bearer ")) {
            return authorization.substring("Bearer ".length());
        }
        return p.getOrDefault("token", "");
    }

    /** As Slack answers: a bot token names the bot's user and its bot id; a user token ({@code xoxp-…}) has no bot id. */
    private ObjectNode authTest(String token) {
        ObjectNode identity = json.ok()
                .put("url", "https://fake.slack/")
                .put("team", "Mayday Sandbox")
                .put("team_id", TEAM_ID)
                .put("is_enterprise_install", false);
        if (token.startsWith("xoxp-")) {
            return identity.put("user", "installer").put("user_id", INSTALLER_USER_ID);
        }
        return identity.put("user", "mayday").put("user_id", BOT_USER_ID).put("bot_id", BOT_ID);
    }
}
