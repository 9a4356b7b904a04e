package dev.mayday.slack.delivery;

import dev.mayday.slack.views.Mentions;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The people to invite to a channel: real users (not stand-ins such as PagerDuty), each once, never the bot. */
final class Invitees {

    private Invitees() {
    }

    static List<String> of(String botUserId, String... users) {
        Set<String> distinct = new LinkedHashSet<>();
        for (String user : users) {
            if (user != null && Mentions.isUserId(user)) {
                distinct.add(user);
            }
        }
        distinct.remove(botUserId);
        return List.copyOf(distinct);
    }
}
