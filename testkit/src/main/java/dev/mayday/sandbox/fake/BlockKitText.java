package dev.mayday.sandbox.fake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Flattens Block Kit JSON into one transcript line. It aims at "a human can tell which card this is",
 * not at a faithful rendering: layout, images and most formatting are dropped.
 */
public final class BlockKitText {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern BOLD = Pattern.compile("\\*([^*\\n]+)\\*");
    private static final String PART_SEPARATOR = " | ";

    private BlockKitText() {}

    /** Renders a blocks JSON array; falls back to {@code fallbackText} when nothing readable is found. */
    public static String render(String blocksJson, String fallbackText) {
        String rendered = "";
        if (blocksJson != null && !blocksJson.isBlank()) {
            try {
                rendered = render(JSON.readTree(blocksJson));
            } catch (JsonProcessingException e) {
                rendered = "";
            }
        }
        return rendered.isEmpty() ? clean(fallbackText) : rendered;
    }

    /** Renders an already parsed blocks array (non-arrays render as empty). */
    public static String render(JsonNode blocks) {
        List<String> parts = new ArrayList<>();
        if (blocks != null && blocks.isArray()) {
            for (JsonNode block : blocks) {
                renderBlock(block, parts);
            }
        }
        parts.removeIf(String::isEmpty);
        return String.join(PART_SEPARATOR, parts);
    }

    private static void renderBlock(JsonNode block, List<String> parts) {
        switch (block.path("type").asText()) {
            case "header", "markdown" -> parts.add(textOf(block.path("text")));
            case "section" -> {
                parts.add(textOf(block.path("text")));
                for (JsonNode field : block.path("fields")) {
                    parts.add(textOf(field));
                }
                parts.add(elementLabel(block.path("accessory")));
            }
            case "context" -> {
                for (JsonNode element : block.path("elements")) {
                    if (!"image".equals(element.path("type").asText())) {
                        parts.add(textOf(element));
                    }
                }
            }
            case "actions" -> {
                List<String> labels = new ArrayList<>();
                for (JsonNode element : block.path("elements")) {
                    labels.add(elementLabel(element));
                }
                labels.removeIf(String::isEmpty);
                parts.add(String.join(" ", labels));
            }
            case "input" -> parts.add(textOf(block.path("label")));
            case "image" -> parts.add("[image: " + block.path("alt_text").asText("") + "]");
            case "rich_text" -> {
                StringBuilder sb = new StringBuilder();
                richText(block.path("elements"), sb);
                parts.add(clean(sb.toString()));
            }
            default -> { /* divider and unknown blocks carry no text worth showing */ }
        }
    }

    /** Interactive elements show as their label in brackets, the way a reader scans a card. */
    private static String elementLabel(JsonNode element) {
        if (element.isMissingNode() || element.isNull()) {
            return "";
        }
        String label = textOf(element.path("text"));
        if (label.isEmpty()) {
            label = textOf(element.path("placeholder"));
        }
        return label.isEmpty() ? "" : "[" + label + "]";
    }

    private static void richText(JsonNode elements, StringBuilder sb) {
        for (JsonNode element : elements) {
            switch (element.path("type").asText()) {
                case "text", "link" -> sb.append(element.path("text").asText(element.path("url").asText("")));
                case "emoji" -> sb.append(':').append(element.path("name").asText()).append(':');
                case "user" -> sb.append("<@").append(element.path("user_id").asText()).append('>');
                case "channel" -> sb.append("<#").append(element.path("channel_id").asText()).append('>');
                default -> richText(element.path("elements"), sb);
            }
        }
    }

    /** A text object ({"type":"mrkdwn","text":…}) or a plain string node. */
    private static String textOf(JsonNode node) {
        if (node.isTextual()) {
            return clean(node.asText());
        }
        return clean(node.path("text").asText(""));
    }

    /**
     * Strips *bold* markers and folds lines into one: a line ending in ':' is a label and joins its
     * value with a space ("*Severity:*\nSEV2" → "Severity: SEV2"), other lines join with " · ".
     */
    static String clean(String text) {
        if (text == null) {
            return "";
        }
        String[] lines = BOLD.matcher(text).replaceAll("$1").split("\\R");
        StringBuilder sb = new StringBuilder();
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append(sb.charAt(sb.length() - 1) == ':' ? " " : " · ");
            }
            sb.append(line);
        }
        return sb.toString();
    }
}
