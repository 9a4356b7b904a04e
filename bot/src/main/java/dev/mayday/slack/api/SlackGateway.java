package dev.mayday.slack.api;


import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.request.chat.ChatPostMessageRequest;
import com.slack.api.methods.request.chat.ChatUpdateRequest;
import com.slack.api.methods.request.conversations.ConversationsCreateRequest;
import com.slack.api.methods.request.conversations.ConversationsInviteRequest;
import com.slack.api.methods.request.conversations.ConversationsSetTopicRequest;
import com.slack.api.methods.request.files.FilesCompleteUploadExternalRequest;
import com.slack.api.methods.request.views.ViewsPublishRequest;
import com.slack.api.methods.response.auth.AuthTestResponse;
import com.slack.api.methods.response.conversations.ConversationsHistoryResponse;
import com.slack.api.methods.response.conversations.ConversationsListResponse;
import com.slack.api.methods.response.files.FilesGetUploadURLExternalResponse;
import com.slack.api.model.Conversation;
import com.slack.api.model.ConversationType;
import com.slack.api.model.Message;
import com.slack.api.model.User;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import dev.mayday.metrics.SlackCallMeters;
import dev.mayday.people.Person;
import dev.mayday.retry.RateLimitGate;
import dev.mayday.retry.RetryPolicy;
import dev.mayday.retry.Sleeper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Slack Web API calls Mayday makes, by name. Each goes through {@link SlackCalls}, where failures, retries and
 * rate limits are handled in one place.
 */
public final class SlackGateway {

    private static final String TAG_EVENT_TYPE = "mayday_delivery";
    private static final String TAG_FIELD = "delivery";

    private final MethodsClient methods;
    private final HotMethods hot;
    private final SlackCalls calls;
    private volatile String botUserId;
    private volatile String workspaceUrl;
    private final HttpClient uploads = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public SlackGateway(MethodsClient methods, HotMethods hot, RateLimitGate gate, RetryPolicy retries,
                        Sleeper sleeper, SlackCallMeters meters) {
        this.methods = methods;
        this.hot = hot;
        this.calls = new SlackCalls(gate, retries, sleeper, meters);
    }

    /**
     * Uploads a file to a channel with Slack's current flow: {@code files.getUploadURLExternal}, the bytes POSTed to
     * the URL it returned, then {@code files.completeUploadExternal}. Returns the file id.
     */
    public String uploadFile(String channel, String filename, String title, byte[] content, String comment) {
        FilesGetUploadURLExternalResponse target = call("files.getUploadURLExternal", () -> methods
                .filesGetUploadURLExternal(r -> r.filename(filename).length(content.length)));
        postBytes(target.getUploadUrl(), content);
        call("files.completeUploadExternal", false, () -> methods.filesCompleteUploadExternal(r -> r
                .files(List.of(FilesCompleteUploadExternalRequest.FileDetails.builder().id(target.getFileId())
                        .title(title).build()))
                .channelId(channel).initialComment(comment)));
        return target.getFileId();
    }

    /** Deletes a file the bot uploaded; one that is gone already is not an error. */
    public void deleteFile(String fileId) {
        try {
            calls.call("files.delete", true, Set.of("file_not_found"), () -> methods.filesDelete(r -> r.file(fileId)));
        } catch (SlackCallFailed e) {
            if (!"file_not_found".equals(e.error())) {
                throw e;
            }
        }
    }

    /** A message's permalink, built from the workspace URL so a long timeline needs no call per message. */
    public Optional<String> permalink(String channel, String ts) {
        if (workspaceUrl == null) {
            botUserId();
        }
        return Optional.ofNullable(workspaceUrl).map(url -> (url.endsWith("/") ? url : url + "/") + "archives/"
                + channel + "/p" + ts.replace(".", ""));
    }

    private void postBytes(String uploadUrl, byte[] content) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(uploadUrl)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(content)).build();
        try {
            HttpResponse<Void> response = uploads.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 != 2) {
                throw new SlackCallFailed("file_upload", "http_" + response.statusCode(), null);
            }
        } catch (IOException e) {
            throw new SlackCallFailed("file_upload", "io_error", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SlackCallFailed("file_upload", "interrupted", e);
        }
    }

    /** The bot's user id if an earlier call has learned it; never calls Slack. */
    public Optional<String> knownBotUserId() {
        return Optional.ofNullable(botUserId);
    }

    public String botUserId() {
        String id = botUserId;
        return id != null ? id : authenticate().userId();
    }

    /** {@code auth.test}: who the token is, and the bot's user id and workspace learned for later calls. */
    public TokenIdentity authenticate() {
        AuthTestResponse identity = call("auth.test", () -> methods.authTest(r -> r));
        workspaceUrl = identity.getUrl();
        botUserId = identity.getUserId();
        return new TokenIdentity(identity.getUserId(), Optional.ofNullable(identity.getBotId()));
    }

    public Conversation createChannel(String name, boolean isPrivate) {
        return call("conversations.create", false, () -> hot.conversationsCreate(
                ConversationsCreateRequest.builder().name(name).isPrivate(isPrivate).build())).getChannel();
    }

    /** Pages through the channels the bot can see; used only to recover from an ambiguous create. */
    public Optional<Conversation> findChannel(String name) {
        String cursor = null;
        for (int page = 0; page < 50; page++) {
            String pageCursor = cursor;
            ConversationsListResponse response = call("conversations.list", () -> methods.conversationsList(r -> r
                    .types(List.of(ConversationType.PUBLIC_CHANNEL, ConversationType.PRIVATE_CHANNEL))
                    .excludeArchived(true).limit(200).cursor(pageCursor)));
            Optional<Conversation> found = response.getChannels().stream().filter(c -> name.equals(c.getName())).findFirst();
            if (found.isPresent()) {
                return found;
            }
            cursor = response.getResponseMetadata() == null ? null : response.getResponseMetadata().getNextCursor();
            if (cursor == null || cursor.isEmpty()) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    public void setTopic(String channel, String topic) {
        String shortened = topic.length() > 250 ? topic.substring(0, 249) + "…" : topic;
        call("conversations.setTopic", () -> hot.conversationsSetTopic(ConversationsSetTopicRequest.builder()
                .channel(channel).topic(shortened).build()));
    }

    /** Invites the users; people already in the channel are not an error. */
    public void invite(String channel, Collection<String> users) {
        if (users.isEmpty()) {
            return;
        }
        try {
            calls.call("conversations.invite", true, Set.of("already_in_channel"), () -> hot.conversationsInvite(
                    ConversationsInviteRequest.builder().channel(channel).users(List.copyOf(users)).build()));
        } catch (SlackCallFailed e) {
            if (!"already_in_channel".equals(e.error())) {
                throw e;
            }
        }
    }

    public String postMessage(String channel, String text, List<LayoutBlock> blocks) {
        return call("chat.postMessage", false,
                () -> hot.chatPostMessage(ChatPostMessageRequest.builder().channel(channel).text(text)
                        .blocks(blocks).build())).getTs();
    }

    /**
     * Posts a message tagged with {@code tag} in its metadata, so that after an ambiguous failure
     * {@link #findTagged} can tell whether Slack had posted it after all.
     */
    public String postTagged(String channel, String text, List<LayoutBlock> blocks, String tag) {
        Message.Metadata metadata = Message.Metadata.builder().eventType(TAG_EVENT_TYPE)
                .eventPayload(Map.of(TAG_FIELD, tag)).build();
        return call("chat.postMessage", false, () -> hot.chatPostMessage(ChatPostMessageRequest.builder()
                .channel(channel).text(text).blocks(blocks).metadata(metadata).build())).getTs();
    }

    /** {@link #postTagged} as a reply in the thread of message {@code threadTs}. */
    public String postTaggedReply(String channel, String threadTs, String text, String tag) {
        Message.Metadata metadata = Message.Metadata.builder().eventType(TAG_EVENT_TYPE)
                .eventPayload(Map.of(TAG_FIELD, tag)).build();
        return call("chat.postMessage", false, () -> hot.chatPostMessage(ChatPostMessageRequest.builder()
                .channel(channel).threadTs(threadTs).text(text).metadata(metadata).build())).getTs();
    }

    /**
     * The ts of a reply the bot posted in the thread of {@code threadTs} since {@code since} with this tag, if any
     * (a thread's replies are not in {@code conversations.history}).
     */
    public Optional<String> findTaggedReply(String channel, String threadTs, String tag, Instant since) {
        String oldest = since.getEpochSecond() - 1 + ".000000";
        return tagged(call("conversations.replies", () -> methods.conversationsReplies(r -> r.channel(channel)
                .ts(threadTs).oldest(oldest).limit(200).includeAllMetadata(true))).getMessages(), tag);
    }

    /** The ts of a message the bot posted in {@code channel} since {@code since} with this tag, if any. */
    public Optional<String> findTagged(String channel, String tag, Instant since) {
        String oldest = since.getEpochSecond() - 1 + ".000000";
        ConversationsHistoryResponse history = call("conversations.history", () -> methods.conversationsHistory(r -> r
                .channel(channel).oldest(oldest).limit(200).includeAllMetadata(true)));
        return tagged(history.getMessages(), tag);
    }

    private static Optional<String> tagged(List<Message> messages, String tag) {
        return messages == null ? Optional.empty() : messages.stream()
                .filter(m -> m.getMetadata() != null && TAG_EVENT_TYPE.equals(m.getMetadata().getEventType()))
                .filter(m -> m.getMetadata().getEventPayload() != null
                        && tag.equals(String.valueOf(m.getMetadata().getEventPayload().get(TAG_FIELD))))
                .map(Message::getTs)
                .findFirst();
    }

    public void updateMessage(String channel, String ts, String text, List<LayoutBlock> blocks) {
        call("chat.update", () -> hot.chatUpdate(ChatUpdateRequest.builder().channel(channel).ts(ts).text(text)
                .blocks(blocks).build()));
    }

    /** The Slack user with this email, if any (PagerDuty knows people by email, Slack by user id). */
    public Optional<String> userIdByEmail(String email) {
        try {
            return Optional.of(calls.call("users.lookupByEmail", true, Set.of("users_not_found"),
                    () -> methods.usersLookupByEmail(r -> r.email(email))).getUser().getId());
        } catch (SlackCallFailed e) {
            if ("users_not_found".equals(e.error())) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Who the user is (users.info): the name Slack shows for them and, with users:read.email, their email. */
    public Optional<Person> person(String userId) {
        try {
            User user = calls.call("users.info", true, Set.of("user_not_found"),
                    () -> methods.usersInfo(r -> r.user(userId))).getUser();
            User.Profile profile = user.getProfile();
            String shown = profile == null ? null : firstNonBlank(profile.getDisplayName(), profile.getRealName());
            return Optional.of(new Person(user.getId(), firstNonBlank(shown, user.getRealName(), user.getName()),
                    Optional.ofNullable(profile == null ? null : profile.getEmail())));
        } catch (SlackCallFailed e) {
            if ("user_not_found".equals(e.error())) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static String firstNonBlank(String... names) {
        for (String name : names) {
            if (name != null && !name.isBlank()) {
                return name;
            }
        }
        return null;
    }

    public void openView(String triggerId, View view) {
        call("views.open", () -> methods.viewsOpen(r -> r.triggerId(triggerId).view(view)));
    }

    /** The user ids in the user group {@code groupId} ({@code usergroups.users.list}). */
    public List<String> userGroupMembers(String groupId) {
        List<String> users = call("usergroups.users.list", () -> methods.usergroupsUsersList(r -> r.usergroup(groupId)))
                .getUsers();
        return users == null ? List.of() : users;
    }

    /** Shows {@code view} (a {@code home} view) as the user's App Home tab, replacing what was there. */
    public void publishHome(String userId, View view) {
        call("views.publish", () -> hot.viewsPublish(ViewsPublishRequest.builder().userId(userId).view(view).build()));
    }

    private <T extends SlackApiTextResponse> T call(String method, SlackCalls.Call<T> call) {
        return calls.call(method, true, call);
    }

    private <T extends SlackApiTextResponse> T call(String method, boolean idempotent, SlackCalls.Call<T> call) {
        return calls.call(method, idempotent, call);
    }
}
