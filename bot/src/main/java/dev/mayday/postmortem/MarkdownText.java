package dev.mayday.postmortem;

import dev.mayday.text.SlackMarkup;

import java.util.List;

/** Writes captured text into Markdown: escaped so it cannot break the layout, shortened when asked. */
public final class MarkdownText {

    /** About two lines: enough to recognise a message, short enough to scan a long timeline. */
    static final int SHORT = 200;

    private MarkdownText() {
    }

    /** Stored Slack text as one line of Markdown (mentions named, links by their address), for the digest. */
    public static String inline(String stored, PersonNames names) {
        StringBuilder out = new StringBuilder();
        write(out, SlackText.parse(stored, names));
        return out.toString();
    }

    static int visibleLength(List<SlackText.Piece> pieces) {
        int length = 0;
        for (SlackText.Piece piece : pieces) {
            length += piece.visibleLength();
        }
        return length;
    }

    /** Writes at most about {@code limit} visible characters, cut at a word boundary, with "…" when cut. */
    static void write(StringBuilder out, List<SlackText.Piece> pieces, int limit) {
        int budget = limit;
        for (SlackText.Piece piece : pieces) {
            if (piece instanceof SlackText.Link link) {
                if (link.label().length() > budget) {
                    out.append('…');
                    return;
                }
                link(out, link);
                budget -= link.label().length();
            } else {
                String text = ((SlackText.Words) piece).text();
                if (text.length() > budget) {
                    escape(out, cut(text, budget));
                    out.append('…');
                    return;
                }
                escape(out, text);
                budget -= text.length();
            }
        }
    }

    static void write(StringBuilder out, List<SlackText.Piece> pieces) {
        write(out, pieces, Integer.MAX_VALUE);
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        escape(out, text);
        return out.toString();
    }

    /**
     * Escapes what would change the rendering: emphasis, code, links, HTML and table cells. An underscore inside a
     * word ({@code feature_flag}) cannot start emphasis and is left readable.
     */
    static void escape(StringBuilder out, String text) {
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (SlackMarkup.isOverride(c)) {
                continue; // it would make what follows read backwards
            }
            switch (c) {
                case '\\', '`', '*', '[', ']', '<', '>', '|', '~' -> out.append('\\').append(c);
                case '_' -> {
                    boolean inWord = i > 0 && i < n - 1 && Character.isLetterOrDigit(text.charAt(i - 1))
                            && Character.isLetterOrDigit(text.charAt(i + 1));
                    if (!inWord) {
                        out.append('\\');
                    }
                    out.append(c);
                }
                case '\n', '\r', '\t' -> out.append(' ');
                default -> out.append(c);
            }
        }
    }

    static void link(StringBuilder out, SlackText.Link link) {
        out.append('[');
        escape(out, link.label());
        out.append("](");
        String url = link.url();
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            switch (c) {
                case ' ' -> out.append("%20");
                case '(' -> out.append("%28");
                case ')' -> out.append("%29");
                case '<' -> out.append("%3C");
                case '>' -> out.append("%3E");
                default -> out.append(c);
            }
        }
        out.append(')');
    }

    private static String cut(String text, int budget) {
        if (budget <= 0) {
            return "";
        }
        int end = budget;
        int space = text.lastIndexOf(' ', end);
        if (space > budget * 3 / 4) {
            end = space;
        }
        String kept = text.substring(0, end).stripTrailing();
        int last = kept.length();
        // "5s.…" reads as a typo: the ellipsis replaces the punctuation it follows
        while (last > 0 && ".,;:".indexOf(kept.charAt(last - 1)) >= 0) {
            last--;
        }
        return kept.substring(0, last);
    }
}
