package dev.mayday.slack.requests;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.block.LayoutBlock;

import java.io.IOException;
import java.util.List;

/**
 * What a slash command answers the person who typed it: text, blocks, or nothing beyond the ack. Kept as a value so
 * the same answer can go out as the ack or, when the work outlasted the ack window, through the response URL.
 */
public sealed interface CommandReply {

    Response ack(SlashCommandContext ctx);

    /** Sends the answer after the ack; a bare ack sends {@code done} instead, so the interim word is followed up. */
    void respond(SlashCommandContext ctx, String done) throws IOException;

    static CommandReply text(String text) {
        return new Text(text);
    }

    static CommandReply blocks(List<LayoutBlock> blocks) {
        return new Blocks(blocks);
    }

    static CommandReply none() {
        return new None();
    }

    record Text(String text) implements CommandReply {
        @Override
        public Response ack(SlashCommandContext ctx) {
            return ctx.ack(text);
        }

        @Override
        public void respond(SlashCommandContext ctx, String done) throws IOException {
            ctx.respond(text);
        }
    }

    record Blocks(List<LayoutBlock> blocks) implements CommandReply {
        @Override
        public Response ack(SlashCommandContext ctx) {
            return ctx.ack(blocks);
        }

        @Override
        public void respond(SlashCommandContext ctx, String done) throws IOException {
            ctx.respond(blocks);
        }
    }

    record None() implements CommandReply {
        @Override
        public Response ack(SlashCommandContext ctx) {
            return ctx.ack();
        }

        @Override
        public void respond(SlashCommandContext ctx, String done) throws IOException {
            ctx.respond(done);
        }
    }
}
