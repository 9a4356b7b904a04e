package dev.mayday.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.response.conversations.ConversationsListResponse;
import com.slack.api.model.Conversation;
import com.slack.api.model.ConversationType;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Every Slack Web API call Mayday makes goes through here, so that failure handling lives in one place. Slack
 * reports most failures as {@code ok=false} with an error code rather than an exception: both become
 * {@link SlackCallFailed}.
 */
public final class SlackGateway {

    private final MethodsClient methods;
    private volatile String botUserId;

    public SlackGateway(MethodsClient methods) {
        this.methods = methods;
    }

    public String botUserId() {
        String id = botUserId;
        if (id == null) {
            id = call("auth.test", () -> methods.authTest(r -> r)).getUserId();
            botUserId = id;
        }
        return id;
    }

    public Conversation createChannel(String name, boolean isPrivate) {
        return call("conversations.create", () -> methods.conversationsCreate(r -> r.name(name).isPrivate(isPrivate)))
                .getChannel();
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
        call("conversations.setTopic", () -> methods.conversationsSetTopic(r -> r.channel(channel).topic(shortened)));
    }

    /** Invites the users; people already in the channel are not an error. */
    public void invite(String channel, Collection<String> users) {
        if (users.isEmpty()) {
            return;
        }
        try {
            call("conversations.invite", () -> methods.conversationsInvite(r -> r.channel(channel).users(List.copyOf(users))));
        } catch (SlackCallFailed e) {
            if (!"already_in_channel".equals(e.error())) {
                throw e;
            }
        }
    }

    public String postMessage(String channel, String text, List<LayoutBlock> blocks) {
        return call("chat.postMessage", () -> methods.chatPostMessage(r -> r.channel(channel).text(text).blocks(blocks)))
                .getTs();
    }

    public void updateMessage(String channel, String ts, String text, List<LayoutBlock> blocks) {
        call("chat.update", () -> methods.chatUpdate(r -> r.channel(channel).ts(ts).text(text).blocks(blocks)));
    }

    public void openView(String triggerId, View view) {
        call("views.open", () -> methods.viewsOpen(r -> r.triggerId(triggerId).view(view)));
    }

    private <T extends SlackApiTextResponse> T call(String method, Call<T> call) {
        T response;
        try {
            response = call.run();
        } catch (SlackApiException e) {
            throw new SlackCallFailed(method, "http_" + e.getResponse().code(), e);
        } catch (IOException e) {
            throw new SlackCallFailed(method, "io_error", e);
        }
        if (!response.isOk()) {
            throw new SlackCallFailed(method, response.getError(), null);
        }
        return response;
    }

    @FunctionalInterface
    private interface Call<T> {
        T run() throws IOException, SlackApiException;
    }
}
