package dev.mayday.sandbox.fake;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;

import static dev.mayday.sandbox.fake.FakeSlackState.BOT_USER_ID;
import static dev.mayday.sandbox.fake.RequestParams.isBlank;

/** The fake's chat.* methods: messages posted, updated and linked, ephemeral replies. */
final class ChatMethods {

    private final FakeSlackState state;
    private final SlackJson json;
    private final Transcript transcript;

    ChatMethods(FakeSlackState state, SlackJson json, Transcript transcript) {
        this.state = state;
        this.json = json;
        this.transcript = transcript;
    }

    ObjectNode chatPostMessage(Map<String, String> p) {
        String channel = conversationFor(p.get("channel"));
        String blocks = json.validBlocks(p.get("blocks"));
        String text = p.getOrDefault("text", "");
        if (text.isBlank() && blocks == null && isBlank(p.get("attachments"))) {
            throw new SlackError("no_text");
        }
        String threadTs = isBlank(p.get("thread_ts")) ? null : p.get("thread_ts");
        FakeMessage message = new FakeMessage(channel, state.nextTs(), text, blocks,
                json.validMetadata(p.get("metadata")), BOT_USER_ID, threadTs);
        state.putMessage(message);
        String posted = (threadTs != null ? "↳ " : "") + (message.hasBlocks() ? "[card] " : "")
                + BlockKitText.render(blocks, text);
        transcript.note(state.surfaceOf(channel), state.where(channel), posted,
                "  " + state.display(channel) + "  " + posted);
        return json.ok().put("channel", channel).put("ts", message.ts()).set("message", json.messageJson(message));
    }

    ObjectNode chatUpdate(Map<String, String> p) {
        String channel = state.resolveChannel(p.get("channel"));
        if (channel == null || !state.knownConversation(channel)) {
            throw new SlackError("channel_not_found");
        }
        FakeMessage old = state.message(channel, p.get("ts"))
                .orElseThrow(() -> new SlackError("message_not_found"));
        // Slack keeps whatever the update leaves out; an empty blocks array clears the blocks.
        String text = p.containsKey("text") ? p.get("text") : old.text();
        String blocks = p.containsKey("blocks") ? json.validBlocks(p.get("blocks")) : old.blocksJson();
        String metadata = p.containsKey("metadata") ? json.validMetadata(p.get("metadata")) : old.metadataJson();
        FakeMessage updated = new FakeMessage(channel, old.ts(), text, blocks, metadata, old.user(), old.threadTs());
        state.putMessage(updated);
        String change = (updated.hasBlocks() ? "[card updated] " : "[updated] ") + BlockKitText.render(blocks, text);
        transcript.note(state.surfaceOf(channel), state.where(channel), change,
                "  " + state.display(channel) + "  " + change);
        return json.ok().put("channel", channel).put("ts", old.ts()).put("text", text)
                .set("message", json.messageJson(updated));
    }

    ObjectNode chatPostEphemeral(Map<String, String> p) {
        String channel = conversationFor(p.get("channel"));
        String user = p.get("user");
        if (isBlank(user)) {
            throw new SlackError("user_not_found");
        }
        String blocks = json.validBlocks(p.get("blocks"));
        String text = p.getOrDefault("text", "");
        if (text.isBlank() && blocks == null && isBlank(p.get("attachments"))) {
            throw new SlackError("no_text");
        }
        String shown = BlockKitText.render(blocks, text);
        transcript.note(state.surfaceOf(channel), state.where(channel), "(only <@" + user + "> sees it) " + shown,
                "  (ephemeral to <@" + user + "> in " + state.display(channel) + ") " + shown);
        return json.ok().put("message_ts", state.nextTs());
    }

    ObjectNode chatGetPermalink(Map<String, String> p) {
        String channel = state.resolveChannel(p.get("channel"));
        FakeMessage message = state.message(channel, p.get("message_ts"))
                .orElseThrow(() -> new SlackError("message_not_found"));
        return json.ok().put("channel", channel)
                .put("permalink", "https://fake.slack/archives/" + channel + "/p" + message.ts().replace(".", ""));
    }

    /** Posting accepts unknown ids too, so DMs and channels configured only by id still work. */
    String conversationFor(String raw) {
        if (isBlank(raw)) {
            throw new SlackError("channel_not_found");
        }
        String channel = state.resolveChannel(raw.strip());
        if (state.channel(channel).map(FakeChannel::isArchived).orElse(false)) {
            throw new SlackError("is_archived");
        }
        return channel;
    }
}
