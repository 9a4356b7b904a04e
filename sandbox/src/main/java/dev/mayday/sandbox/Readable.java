package dev.mayday.sandbox;

import dev.mayday.sandbox.fake.FakeChannel;
import dev.mayday.sandbox.fake.FakeSlack;

import java.util.Map;
import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Slack's markup as a person reads it in Slack: people by name ({@code <@U0KIM>} is "@Kim"), channels by name, dates as
 * the text Slack shows for them, links as their label. Mayday sends ids and lets Slack show the names; the demo has no
 * Slack client to do that, so it does it here.
 */
final class Readable {

    private static final Pattern USER = Pattern.compile("<@([UW][A-Z0-9]+)(?:\\|[^>]*)?>|@([UW]0[A-Z0-9]+)\\b");
    private static final Pattern CHANNEL = Pattern.compile("<#([CG][A-Z0-9]+)(?:\\|([^>]*))?>");
    private static final Pattern DATE = Pattern.compile("<!date\\^[^|>]*\\|([^>]*)>");
    private static final Pattern SPECIAL = Pattern.compile("<!(here|channel|everyone)>");
    private static final Pattern LINK = Pattern.compile("<(https?://[^|>]+)\\|([^>]+)>");

    private final Map<String, String> names;
    private final FakeSlack slack;

    /** {@code names}: each person's name by Slack user id; anyone else is shown by id. */
    Readable(Map<String, String> names, FakeSlack slack) {
        this.names = Map.copyOf(names);
        this.slack = slack;
    }

    String name(String userId) {
        return names.getOrDefault(userId, userId);
    }

    String text(String markup) {
        String text = replace(USER, markup, m -> "@" + name(m.group(1) != null ? m.group(1) : m.group(2)));
        text = replace(CHANNEL, text, m -> "#" + (m.group(2) != null && !m.group(2).isEmpty() ? m.group(2)
                : slack.channel(m.group(1)).map(FakeChannel::name).orElse(m.group(1))));
        text = replace(DATE, text, m -> m.group(1));
        text = replace(SPECIAL, text, m -> "@" + m.group(1));
        return replace(LINK, text, m -> m.group(2) + " (" + m.group(1) + ")");
    }

    private static String replace(Pattern pattern, String text, Function<MatchResult, String> with) {
        return pattern.matcher(text).replaceAll(m -> Matcher.quoteReplacement(with.apply(m)));
    }
}
