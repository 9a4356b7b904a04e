package dev.mayday.postmortem;

import dev.mayday.text.SlackMarkup;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns stored text, read by {@link SlackMarkup}, into pieces of plain text and links for the draft, with whitespace
 * folded to single spaces. A link's label is its real address: the label the author gave it follows in brackets.
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
        for (SlackMarkup.Token token : SlackMarkup.parse(raw)) {
            if (token instanceof SlackMarkup.Plain p) {
                appendAll(p.text());
            } else if (token instanceof SlackMarkup.UserMention m) {
                // display names in a mention are neither unique nor stable: name the person by id
                appendAll(names.name(m.id()));
            } else if (token instanceof SlackMarkup.ChannelMention c) {
                appendAll("#" + (c.label() != null ? c.label() : c.id()));
            } else if (token instanceof SlackMarkup.Broadcast b) {
                appendAll("@" + b.name());
            } else if (token instanceof SlackMarkup.UserGroup g) {
                appendAll(g.label() != null ? g.label() : "@usergroup");
            } else if (token instanceof SlackMarkup.Special s) {
                appendAll(s.label() != null ? s.label() : "@" + s.command());
            } else {
                link((SlackMarkup.Link) token);
            }
        }
        flush(true);
    }

    /** A link reads as its real address, whatever its label says; the label follows in brackets. */
    private void link(SlackMarkup.Link link) {
        flush(false);
        String url = link.url();
        pieces.add(new Link(url, url));
        String label = link.label() == null ? "" : link.label().strip();
        if (!label.isEmpty() && !label.equals(url)) {
            appendAll(" (" + label + ")");
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

}
