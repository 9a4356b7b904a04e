package dev.mayday.sandbox.fake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import static dev.mayday.sandbox.fake.FakeSlackState.BOT_ID;
import static dev.mayday.sandbox.fake.FakeSlackState.BOT_USER_ID;
import static dev.mayday.sandbox.fake.FakeSlackState.TEAM_ID;
import static dev.mayday.sandbox.fake.RequestParams.isBlank;

/** The JSON the fake answers with: Slack's shapes for channels and messages, and Slack's checks of what it is sent. */
final class SlackJson {

    private final ObjectMapper mapper;

    SlackJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    ObjectNode createObjectNode() {
        return mapper.createObjectNode();
    }

    ObjectNode ok() {
        return mapper.createObjectNode().put("ok", true);
    }

    ObjectNode channelJson(FakeChannel c) {
        ObjectNode node = mapper.createObjectNode()
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

    ObjectNode messageJson(FakeMessage m) {
        ObjectNode node = mapper.createObjectNode()
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
    String validBlocks(String blocks) {
        if (isBlank(blocks)) {
            return null;
        }
        JsonNode parsed = parse(blocks);
        if (parsed == null || !parsed.isArray()) {
            throw new SlackError("invalid_blocks");
        }
        return parsed.isEmpty() ? null : blocks;
    }

    String validMetadata(String metadata) {
        if (isBlank(metadata)) {
            return null;
        }
        JsonNode parsed = parse(metadata);
        if (parsed == null || !parsed.isObject()) {
            throw new SlackError("invalid_metadata_format");
        }
        return metadata;
    }

    JsonNode parse(String text) {
        if (isBlank(text)) {
            return null;
        }
        try {
            return mapper.readTree(text);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    String write(JsonNode node) {
        try {
            return mapper.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise fake response", e);
        }
    }
}
