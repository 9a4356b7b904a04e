package dev.mayday.sandbox.fake;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;

import static dev.mayday.sandbox.fake.FakeSlackState.BOT_ID;
import static dev.mayday.sandbox.fake.FakeSlackState.BOT_USER_ID;
import static dev.mayday.sandbox.fake.FakeSlackState.TEAM_ID;

/** The fake's users.* and usergroups.* methods. */
final class UserMethods {

    private final FakeSlackState state;
    private final SlackJson json;

    UserMethods(FakeSlackState state, SlackJson json) {
        this.state = state;
        this.json = json;
    }

    ObjectNode usersLookupByEmail(Map<String, String> p) {
        return json.ok().set("user", userJson(state.userByEmail(p.get("email"))
                .orElseThrow(() -> new SlackError("users_not_found"))));
    }

    ObjectNode usersInfo(Map<String, String> p) {
        String id = p.get("user");
        if (BOT_USER_ID.equals(id)) {
            ObjectNode bot = json.createObjectNode()
                    .put("id", BOT_USER_ID).put("team_id", TEAM_ID).put("name", "mayday")
                    .put("real_name", "Mayday").put("deleted", false).put("is_bot", true);
            bot.putObject("profile").put("bot_id", BOT_ID).put("real_name", "Mayday").put("display_name", "mayday");
            return json.ok().set("user", bot);
        }
        return json.ok().set("user", userJson(state.user(id).orElseThrow(() -> new SlackError("user_not_found"))));
    }

    /** A user group's member ids, as Slack lists them; an unknown group is {@code no_such_subteam}. */
    ObjectNode userGroupUsers(Map<String, String> p) {
        List<String> members = state.userGroup(p.get("usergroup")).orElseThrow(() -> new SlackError("no_such_subteam"));
        ObjectNode result = json.ok();
        ArrayNode users = result.putArray("users");
        members.forEach(users::add);
        return result;
    }

    ObjectNode userJson(FakeUser user) {
        ObjectNode node = json.createObjectNode()
                .put("id", user.id()).put("team_id", TEAM_ID).put("name", user.name())
                .put("real_name", user.name()).put("deleted", false).put("is_bot", false)
                .put("is_admin", false).put("tz", "Etc/UTC");
        node.putObject("profile").put("email", user.email()).put("real_name", user.name())
                .put("display_name", user.name());
        return node;
    }
}
