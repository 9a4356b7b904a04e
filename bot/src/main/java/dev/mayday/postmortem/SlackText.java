package dev.mayday.postmortem;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads text as Slack stores it ({@code <@U1>}, {@code <#C1|name>}, {@code <https://x|label>}, {@code &lt;}) into
 * pieces of plain text and links, with whitespace folded to single spaces. One pass over the characters, no regex:
 * it runs for every captured message.
 */
final class SlackText {

    sealed interface Piece permits Words, Link {
        int visibleLength();
    }

    record Words(String text) implements Piece {
        public int visibleLength() {
            return text.length();
        }
    }

    record Link(String url, String label) implements Piece {
        public int visibleLength() {
            return label.length();
        }
    }

    private final List<Piece> pieces = new ArrayList<>();
    private final StringBuilder words = new StringBuilder();
    private final PersonNames names;
    private final boolean keepLines;

    private SlackText(PersonNames names, boolean keepLines) {
        this.names = names;
        this.keepLines = keepLines;
    }

    static List<Piece> parse(String raw, PersonNames names) {
        return parse(raw, names, false);
    }

    private static List<Piece> parse(String raw, PersonNames names, boolean keepLines) {
        SlackText text = new SlackText(names, keepLines);
        text.read(raw == null ? "" : raw);
        return text.pieces;
    }

    /** The text as a reader sees it, links by their label; line breaks are kept (they end sentences). */
    static String plain(String raw, PersonNames names) {
        StringBuilder out = new StringBuilder();
        for (Piece piece : parse(raw, names, true)) {
            out.append(piece instanceof Link link ? link.label() : ((Words) piece).text());
        }
        return out.toString();
    }

    private void read(String raw) {
        int i = 0;
        int n = raw.length();
        while (i < n) {
            char c = raw.charAt(i);
            int close = c == '<' ? raw.indexOf('>', i + 1) : -1;
            if (close > i) {
                reference(raw.substring(i + 1, close));
                i = close + 1;
            } else if (c == '&' && raw.startsWith("&lt;", i)) {
                append('<');
                i += 4;
            } else if (c == '&' && raw.startsWith("&gt;", i)) {
                append('>');
                i += 4;
            } else if (c == '&' && raw.startsWith("&amp;", i)) {
                append('&');
                i += 5;
            } else {
                append(c);
                i++;
            }
        }
        flush(true);
    }

    private void reference(String inner) {
        int bar = inner.indexOf('|');
        String target = bar < 0 ? inner : inner.substring(0, bar);
        String label = bar < 0 ? null : inner.substring(bar + 1);
        if (target.startsWith("@")) {
            // display names in a mention are neither unique nor stable: name the person by id
            appendAll(names.name(target.substring(1)));
        } else if (target.startsWith("#")) {
            appendAll("#" + (label != null ? label : target.substring(1)));
        } else if (target.startsWith("!")) {
            appendAll(label != null ? label : "@" + target.substring(1));
        } else if (target.contains("://") || target.startsWith("mailto:")) {
            flush(false);
            String url = unescape(target);
            pieces.add(new Link(url, label == null || label.isBlank() ? url : unescape(label)));
        } else {
            appendAll("<" + unescape(inner) + ">");
        }
    }

    private void appendAll(String text) {
        for (int i = 0; i < text.length(); i++) {
            append(text.charAt(i));
        }
    }

    private void append(char c) {
        if (keepLines && c == '\n') {
            words.append(c);
        } else if (Character.isWhitespace(c)) {
            if (words.length() > 0 && !Character.isWhitespace(words.charAt(words.length() - 1))) {
                words.append(' ');
            } else if (words.length() == 0 && !pieces.isEmpty()) {
                words.append(' ');
            }
        } else {
            words.append(c);
        }
    }

    private void flush(boolean last) {
        int end = words.length();
        if (last) {
            while (end > 0 && words.charAt(end - 1) == ' ') {
                end--;
            }
        }
        int start = pieces.isEmpty() && end > 0 && words.charAt(0) == ' ' ? 1 : 0;
        if (end > start) {
            pieces.add(new Words(words.substring(start, end)));
        }
        words.setLength(0);
    }

    private static String unescape(String text) {
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }
}
