package dev.mayday.sandbox.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mayday.sandbox.fake.TranscriptLine.Surface;

import java.util.Map;

import static dev.mayday.sandbox.fake.FakeSlackState.BOT_ID;
import static dev.mayday.sandbox.fake.FakeSlackState.TEAM_ID;
import static dev.mayday.sandbox.fake.RequestParams.isBlank;

/** The fake's views.* methods: modals opened, pushed and updated, App Home views published. */
final class ViewMethods {

    private final FakeSlackState state;
    private final SlackJson json;
    private final Transcript transcript;

    ViewMethods(FakeSlackState state, SlackJson json, Transcript transcript) {
        this.state = state;
        this.json = json;
        this.transcript = transcript;
    }

    ObjectNode viewsOpen(Map<String, String> p, String verb) {
        if (isBlank(p.get("trigger_id")) && isBlank(p.get("interactivity_pointer"))) {
            throw new SlackError("invalid_arguments");
        }
        return view(p, state.nextViewId(), verb);
    }

    ObjectNode viewsUpdate(Map<String, String> p) {
        String id = p.get("view_id");
        if (isBlank(id) && isBlank(p.get("external_id"))) {
            throw new SlackError("invalid_arguments");
        }
        // Any view id is accepted: tests often fabricate the view a submission came from.
        return view(p, isBlank(id) ? state.nextViewId() : id, "updated");
    }

    /** A user's App Home: Slack keeps one view per user and app, replaced by each publish. */
    ObjectNode viewsPublish(Map<String, String> p) {
        String user = p.get("user_id");
        if (isBlank(user)) {
            throw new SlackError("invalid_arguments");
        }
        JsonNode parsed = json.parse(p.get("view"));
        if (parsed == null || !parsed.isObject() || !"home".equals(parsed.path("type").asText())) {
            throw new SlackError("invalid_arguments");
        }
        ObjectNode view = ((ObjectNode) parsed).deepCopy();
        view.put("id", state.nextViewId()).put("team_id", TEAM_ID).put("app_id", "AMAYDAY").put("bot_id", BOT_ID);
        String text = BlockKitText.render(view.path("blocks"));
        state.publishHome(user, text);
        transcript.note(Surface.HOME, user, text, "  [home of <@" + user + "> published] " + text);
        return json.ok().set("view", view);
    }

    ObjectNode view(Map<String, String> p, String id, String verb) {
        JsonNode parsed = json.parse(p.get("view"));
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
        String modal = "[modal " + verb + "] " + (title.isEmpty() ? "(untitled)" : title);
        transcript.note(Surface.MODAL, "", modal, "  " + modal);
        return json.ok().set("view", view);
    }
}
