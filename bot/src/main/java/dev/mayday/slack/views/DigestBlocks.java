package dev.mayday.slack.views;

import com.slack.api.model.block.LayoutBlock;

import java.util.ArrayList;
import java.util.List;

import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

/**
 * The digest's Markdown as Block Kit: the title as a header, each "## part" as a section with a bold heading,
 * tables kept aligned in a code block, and no section over Slack's 3,000-character limit.
 */
public final class DigestBlocks {

    private static final int MAX_SECTION = 2900;
    private static final int MAX_BLOCKS = 50;

    private DigestBlocks() {
    }

    public static List<LayoutBlock> of(String markdown) {
        List<LayoutBlock> blocks = new ArrayList<>();
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        boolean inTable = false;
        for (String line : markdown.split("\n")) {
            if (line.startsWith("# ")) {
                String title = line.substring(2).strip();
                blocks.add(header(h -> h.text(plainText(title.length() > 150 ? title.substring(0, 149) + "…" : title))));
                continue;
            }
            boolean tableLine = line.startsWith("|");
            if (inTable && !tableLine) {
                part.append("```\n");
            }
            if (line.startsWith("## ")) {
                flush(parts, part);
                part.append('*').append(line.substring(3).strip()).append("*\n");
            } else if (tableLine) {
                if (!inTable) {
                    part.append("```\n");
                }
                if (!line.matches("\\|[-| ]+\\|")) {
                    part.append(line).append('\n');
                }
            } else {
                part.append(line.replace("**", "*")).append('\n');
            }
            inTable = tableLine;
        }
        if (inTable) {
            part.append("```\n");
        }
        flush(parts, part);
        for (String text : parts) {
            if (blocks.size() < MAX_BLOCKS) {
                blocks.add(section(s -> s.text(markdownText(text))));
            }
        }
        return blocks;
    }

    private static void flush(List<String> parts, StringBuilder part) {
        String text = part.toString().strip();
        part.setLength(0);
        while (!text.isEmpty()) {
            int cut = text.length() <= MAX_SECTION ? text.length() : Math.max(text.lastIndexOf('\n', MAX_SECTION), 1);
            parts.add(text.substring(0, cut));
            text = text.substring(cut).strip();
        }
    }
}
