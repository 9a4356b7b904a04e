package dev.mayday.text;

import java.util.regex.Pattern;

/**
 * The one way text a person or PagerDuty wrote is placed in what Mayday sends to Slack. Stored text is read as Slack
 * markup ({@link SlackMarkup}) and written again for where it goes:
 * <ul>
 *   <li>{@link #inert}: mrkdwn outside the incident channel (announcement, digest, App Home, DMs, ephemeral answers).
 *   Nothing in it notifies anyone: a person shows as {@code @name}, a broadcast as {@code @here}.</li>
 *   <li>{@link #inChannel}: mrkdwn in the incident channel, where the people mentioned are the ones working on it,
 *   so {@code <@U…>} keeps working; broadcasts and user groups still never come from Mayday's posts.</li>
 *   <li>{@link #plain}: plain_text fields, the channel topic and file titles, which Slack does not format. Whether it
 *   decodes entities there is not documented, so no {@code <} or {@code >} is written at all: they show as ‹ ›.</li>
 * </ul>
 * Everywhere a link shows its real address, followed by its label in brackets when it had one: a label can say
 * "Log in again" over any address. Bidirectional overrides are dropped, since they can make an address read
 * backwards. What is stored is never changed; this runs as text leaves.
 */
public final class UserText {

    private static final Pattern USER_ID = Pattern.compile("[UW][A-Z0-9]{2,}");
    private static final Pattern CHANNEL_ID = Pattern.compile("[CGD][A-Z0-9]{2,}");
    /** What Slack can show as a link to exactly this address: a web or mail address, nothing that ends the link. */
    private static final Pattern SAFE_URL = Pattern.compile("(?i)(https?://|mailto:)[^\\s<>|]+");

    private enum Target { INERT, IN_CHANNEL, PLAIN }

    private UserText() {
    }

    /** mrkdwn for anywhere but the incident channel: no notification, no disguised link. */
    public static String inert(String stored) {
        return render(stored, Target.INERT);
    }

    /** mrkdwn for the incident channel: people's mentions work, nothing else notifies or disguises. */
    public static String inChannel(String stored) {
        return render(stored, Target.IN_CHANNEL);
    }

    /** Text for plain_text, topics and titles: no control sequence at all. */
    public static String plain(String stored) {
        return render(stored, Target.PLAIN);
    }

    private static String render(String stored, Target target) {
        StringBuilder out = new StringBuilder(stored == null ? 0 : stored.length() + 16);
        for (SlackMarkup.Token token : SlackMarkup.parse(stored)) {
            if (token instanceof SlackMarkup.Plain p) {
                text(out, p.text(), target);
            } else if (token instanceof SlackMarkup.UserMention m) {
                if (target == Target.IN_CHANNEL && USER_ID.matcher(m.id()).matches()) {
                    out.append("<@").append(m.id()).append('>');
                } else {
                    text(out, "@" + named(m.label(), m.id()), target);
                }
            } else if (token instanceof SlackMarkup.ChannelMention c) {
                if (target != Target.PLAIN && CHANNEL_ID.matcher(c.id()).matches()) {
                    out.append("<#").append(c.id()).append('>');
                } else {
                    text(out, "#" + named(c.label(), c.id()), target);
                }
            } else if (token instanceof SlackMarkup.Broadcast b) {
                text(out, "@" + b.name(), target);
            } else if (token instanceof SlackMarkup.UserGroup g) {
                text(out, "@" + named(g.label(), "usergroup"), target);
            } else if (token instanceof SlackMarkup.Special s) {
                text(out, s.label() != null && !s.label().isBlank() ? s.label() : "@" + s.command(), target);
            } else {
                link(out, (SlackMarkup.Link) token, target);
            }
        }
        return out.toString();
    }

    private static String named(String label, String fallback) {
        String name = label == null ? "" : label.strip();
        while (name.startsWith("@") || name.startsWith("#")) {
            name = name.substring(1);
        }
        return name.isBlank() ? fallback : name;
    }

    private static void link(StringBuilder out, SlackMarkup.Link link, Target target) {
        String url = link.url();
        if (target != Target.PLAIN && SAFE_URL.matcher(url).matches()) {
            out.append('<');
            text(out, url, target);
            out.append('>');
        } else {
            text(out, url, target);
        }
        String label = link.label() == null ? "" : link.label().strip();
        if (!label.isEmpty() && !label.equals(url)) {
            out.append(" (");
            text(out, label, target);
            out.append(')');
        }
    }

    /** Writes characters that are only characters: entities in mrkdwn, ‹ › in plain text, no bidi overrides. */
    private static void text(StringBuilder out, String text, Target target) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (SlackMarkup.isOverride(c) || (Character.isISOControl(c) && c != '\n' && c != '\t')) {
                continue;
            }
            if (target == Target.PLAIN) {
                out.append(c == '<' ? '‹' : c == '>' ? '›' : c);
            } else {
                switch (c) {
                    case '&' -> out.append("&amp;");
                    case '<' -> out.append("&lt;");
                    case '>' -> out.append("&gt;");
                    default -> out.append(c);
                }
            }
        }
    }

}
