package dev.mayday.slack.views;

import dev.mayday.text.SlackMarkup;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads user mentions as Slack escapes them in command text ({@code <@U123|name>} or {@code <@U123>}); display
 * names are never trusted because they are neither unique nor stable.
 */
public final class Mentions {

    private static final Pattern USER = Pattern.compile("^<@([UW][A-Z0-9]+)(?:\\|[^>]*)?>$");

    private Mentions() {
    }

    public static Optional<String> userId(String token) {
        Matcher matcher = USER.matcher(token.trim());
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /** A Slack user id (U… or W…), as opposed to a stand-in such as PagerDuty. */
    public static boolean isUserId(String id) {
        return SlackMarkup.isUserId(id);
    }

    /** A mention Slack renders as the person's name; a stand-in actor such as PagerDuty is shown as it is. */
    public static String of(String userId) {
        return SlackMarkup.mention(userId);
    }
}
