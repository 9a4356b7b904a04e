package dev.mayday.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mayday.sandbox.fake.SlackCall;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Slack received, judged by the rule for text people wrote: nothing broadcasts or pings a user group, no link
 * hides its address, no mention of the generated people outside the incident channel, and in mrkdwn every
 * {@code < > &} that is not Mayday's own markup arrives as an entity. Plain text carries no control sequence at all.
 */
final class InertOutput {

    enum Kind { MRKDWN, PLAIN, MARKDOWN }

    /** One piece of text as Slack got it, and where it was shown. */
    record Seen(String where, String text, Kind kind, boolean inIncidentChannel) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LABELLED = Pattern.compile("<[^<>]*\\|[^<>]*>");
    private static final Pattern OWN_MARKUP = Pattern.compile(
            "<@[UW][A-Z0-9]+>|<#[CGD][A-Z0-9]+>|<(?:https?://|mailto:)[^\\s<>|]+>");
    private static final Pattern BARE_AMPERSAND = Pattern.compile("&(?!amp;|lt;|gt;)");
    private static final Pattern MARKDOWN_LINK = Pattern.compile("\\[((?:\\\\.|[^\\]\\\\])*)]\\(([^)]*)\\)");
    private static final Pattern OWN_DATE = Pattern.compile("<!date\\^\\d+\\^[^|<>]*\\|\\d{4}-\\d{2}-\\d{2}[^<>|]*>");
    private static final Pattern OVERRIDES = Pattern.compile("[\\u202A-\\u202E\\u2066-\\u2069]");

    private final String hostileId;

    InertOutput(String hostileId) {
        this.hostileId = hostileId;
    }

    /** The texts one Web API call (or response_url post) carried; inside means in one of the incidents' channels. */
    static List<Seen> of(SlackCall call, Set<String> incidentChannels) {
        List<Seen> seen = new ArrayList<>();
        String channel = call.param("channel") != null ? call.param("channel") : call.param("channel_id");
        boolean inside = channel != null && incidentChannels.contains(channel);
        String where = call.method() + (channel == null ? "" : " in " + channel);
        add(seen, where + " text", call.param("text"), Kind.MRKDWN, inside);
        add(seen, where + " initial_comment", call.param("initial_comment"), Kind.MRKDWN, inside);
        add(seen, where + " topic", call.param("topic"), Kind.PLAIN, inside);
        walk(seen, where + " blocks", json(call.param("blocks")), inside);
        walk(seen, where + " view", json(call.param("view")), inside);
        JsonNode files = json(call.param("files"));
        if (files != null) {
            files.forEach(f -> add(seen, where + " file title", f.path("title").asText(null), Kind.PLAIN, inside));
        }
        return seen;
    }

    /** The texts of an answer to a slash command (JSON with text and/or blocks). */
    static List<Seen> ofReply(String where, String body, boolean inIncidentChannel) {
        List<Seen> seen = new ArrayList<>();
        JsonNode reply = json(body);
        if (reply != null) {
            add(seen, where + " text", reply.path("text").asText(null), Kind.MRKDWN, inIncidentChannel);
            walk(seen, where + " blocks", reply.path("blocks"), inIncidentChannel);
        }
        return seen;
    }

    /** Every rule {@code seen} breaks, with where and what, for a readable failure. */
    List<String> violations(List<Seen> seen) {
        List<String> found = new ArrayList<>();
        for (Seen s : seen) {
            List<String> broken = violations(s);
            if (!broken.isEmpty()) {
                found.add(s.where() + " " + broken + ": " + s.text());
            }
        }
        return found;
    }

    List<String> violations(Seen seen) {
        List<String> found = new ArrayList<>();
        // Mayday's own dates, shown in each reader's time zone, are the one <!…> it writes
        String text = OWN_DATE.matcher(seen.text()).replaceAll("");
        // Markdown shows an escaped \\< as a character
        if ((seen.kind() == Kind.MARKDOWN ? text.replace("\\<", "") : text).contains("<!")) {
            found.add("a broadcast, user group or command");
        }
        if (seen.kind() != Kind.MARKDOWN && LABELLED.matcher(text).find()) {
            found.add("a link with a label");
        }
        if (!seen.inIncidentChannel() && text.contains("<@" + hostileId)) {
            found.add("a mention outside the incident channel");
        }
        if (OVERRIDES.matcher(text).find()) {
            found.add("a bidirectional override");
        }
        switch (seen.kind()) {
            case MRKDWN -> {
                String rest = OWN_MARKUP.matcher(text).replaceAll("");
                if (rest.contains("<")) {
                    found.add("a bare <");
                }
                if (rest.replaceAll("(?m)^>", "").contains(">")) {
                    found.add("a bare >");
                }
                if (BARE_AMPERSAND.matcher(rest).find()) {
                    found.add("a bare &");
                }
            }
            case PLAIN -> {
                String rest = text.replaceAll("<@(?!" + hostileId + ")[UW][A-Z0-9]+>", "");
                if (rest.contains("<") || rest.contains(">")) {
                    found.add("a < or > in plain text");
                }
            }
            case MARKDOWN -> {
                Matcher link = MARKDOWN_LINK.matcher(text);
                while (link.find()) {
                    String label = link.group(1).replaceAll("\\\\(.)", "$1");
                    String url = link.group(2).replace("%20", " ").replace("%28", "(").replace("%29", ")")
                            .replace("%3C", "<").replace("%3E", ">");
                    if (!label.equals(url) && !label.equals("original") && !label.equals("full message")) {
                        found.add("a Markdown link labelled " + label + " to " + url);
                    }
                }
                if (text.replaceAll("\\\\<", "").contains("<")) {
                    found.add("an unescaped < in Markdown");
                }
            }
        }
        return found;
    }

    private static void walk(List<Seen> seen, String where, JsonNode node, boolean inside) {
        if (node == null) {
            return;
        }
        if (node.isObject()) {
            String type = node.path("type").asText("");
            JsonNode text = node.get("text");
            if (text != null && text.isTextual() && (type.equals("plain_text") || type.equals("mrkdwn"))) {
                add(seen, where, text.asText(), type.equals("plain_text") ? Kind.PLAIN : Kind.MRKDWN, inside);
            }
        }
        if (node.isContainerNode()) {
            node.forEach(child -> walk(seen, where, child, inside));
        }
    }

    private static void add(List<Seen> seen, String where, String text, Kind kind, boolean inside) {
        if (text != null && !text.isEmpty()) {
            seen.add(new Seen(where, text, kind, inside));
        }
    }

    private static JsonNode json(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            return null;
        }
    }
}
