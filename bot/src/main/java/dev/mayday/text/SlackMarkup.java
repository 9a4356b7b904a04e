package dev.mayday.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads stored text as Slack markup: {@code <@U1|name>}, {@code <#C1|name>}, {@code <!here>}, {@code <!subteam^S1>},
 * {@code <https://x|label>} and the entities {@code &lt; &gt; &amp;}. Text arrives in two encodings (slash commands
 * and messages are Slack-escaped; the declare form and PagerDuty are raw), and reading both this way is safe: raw
 * text that happens to look like markup becomes a piece that every renderer shows inert, and a lone {@code &} stays
 * an {@code &}. One pass over the characters, no regex: it runs for every captured message.
 */
public final class SlackMarkup {

    /** One piece of stored text. */
    public sealed interface Token permits Plain, UserMention, ChannelMention, Broadcast, UserGroup, Special, Link {
    }

    /** Characters as a reader sees them, entities decoded. */
    public record Plain(String text) implements Token {
    }

    /** {@code <@U123|name>}; the label is what the author saw, or null. */
    public record UserMention(String id, String label) implements Token {
    }

    public record ChannelMention(String id, String label) implements Token {
    }

    /** {@code <!channel>}, {@code <!here>}, {@code <!everyone>}: notifies everyone in the channel. */
    public record Broadcast(String name) implements Token {
    }

    /** {@code <!subteam^S123|@oncall>}: notifies a user group. */
    public record UserGroup(String id, String label) implements Token {
    }

    /** Any other {@code <!…>} command, such as {@code <!date^…|fallback>}. */
    public record Special(String command, String label) implements Token {
    }

    /** {@code <url|label>}: the label is what Slack would show instead of the address, or null. */
    public record Link(String url, String label) implements Token {
    }

    private final List<Token> tokens = new ArrayList<>();
    private final StringBuilder plain = new StringBuilder();

    private SlackMarkup() {
    }

    public static List<Token> parse(String stored) {
        SlackMarkup markup = new SlackMarkup();
        markup.read(stored == null ? "" : stored);
        return markup.tokens;
    }

    private void read(String text) {
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            int close = c == '<' ? text.indexOf('>', i + 1) : -1;
            if (close > i) {
                reference(text.substring(i + 1, close));
                i = close + 1;
            } else if (c == '&' && text.startsWith("&lt;", i)) {
                plain.append('<');
                i += 4;
            } else if (c == '&' && text.startsWith("&gt;", i)) {
                plain.append('>');
                i += 4;
            } else if (c == '&' && text.startsWith("&amp;", i)) {
                plain.append('&');
                i += 5;
            } else {
                plain.append(c);
                i++;
            }
        }
        flush();
    }

    private void reference(String inner) {
        int bar = inner.indexOf('|');
        String target = unescape(bar < 0 ? inner : inner.substring(0, bar));
        String label = bar < 0 ? null : unescape(inner.substring(bar + 1));
        Token token;
        if (target.startsWith("@") && target.length() > 1) {
            token = new UserMention(target.substring(1), label);
        } else if (target.startsWith("#") && target.length() > 1) {
            token = new ChannelMention(target.substring(1), label);
        } else if (target.startsWith("!subteam^")) {
            token = new UserGroup(target.substring("!subteam^".length()), label);
        } else if (target.startsWith("!")) {
            String command = target.substring(1);
            token = switch (command) {
                case "channel", "here", "everyone", "group" -> new Broadcast(command);
                default -> new Special(command, label);
            };
        } else if (target.contains("://") || target.regionMatches(true, 0, "mailto:", 0, 7)) {
            token = new Link(address(target), label);
        } else {
            plain.append('<').append(unescape(inner)).append('>');
            return;
        }
        flush();
        tokens.add(token);
    }

    private void flush() {
        if (plain.length() > 0) {
            tokens.add(new Plain(plain.toString()));
            plain.setLength(0);
        }
    }

    /** A Slack user id (U… or W…), as opposed to a stand-in actor such as PagerDuty. */
    public static boolean isUserId(String id) {
        return id.matches("[UW][A-Z0-9]+");
    }

    /** A mention Slack renders as the person's name; a stand-in actor such as PagerDuty is written as it is. */
    public static String mention(String actor) {
        return isUserId(actor) ? "<@" + actor + ">" : actor;
    }

    /**
     * Embeddings, overrides and isolates reorder the characters after them, so text can read differently from what it
     * is; every renderer drops them. Plain direction marks only settle neutral characters and are left alone.
     */
    public static boolean isOverride(char c) {
        return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
    }

    /** An address as it is: invisible formatting and control characters only hide what it says, so they go. */
    private static String address(String url) {
        StringBuilder out = new StringBuilder(url.length());
        url.strip().codePoints().filter(cp -> Character.getType(cp) != Character.FORMAT && !Character.isISOControl(cp))
                .forEach(out::appendCodePoint);
        return out.toString();
    }

    private static String unescape(String text) {
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }
}
