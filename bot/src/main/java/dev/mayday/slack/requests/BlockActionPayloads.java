package dev.mayday.slack.requests;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.response.Response;

import java.util.Map;
import java.util.Optional;

/** What every button handler needs from a block action before it acts: the channel, the user and the action. */
public final class BlockActionPayloads {

    private BlockActionPayloads() {
    }

    /** A 400 with the reason when {@code payload} lacks the channel, the user or an action; empty when it is whole. */
    public static Optional<Response> refusal(BlockActionPayload payload) {
        if (payload.getChannel() == null || payload.getUser() == null || payload.getActions() == null
                || payload.getActions().isEmpty()) {
            return Optional.of(Response.json(400,
                    Map.of("error", "malformed block action: channel, user and action are required")));
        }
        return Optional.empty();
    }
}
