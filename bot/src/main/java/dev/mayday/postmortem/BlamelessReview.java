package dev.mayday.postmortem;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds phrases in captured text that assign blame to a person or call an outcome human error, so the post-mortem
 * can be written about the system instead. English, case-insensitive, whole words. One pass over each text looks for
 * the rules' anchor words at word starts; the patterns run only on the few texts that contain one.
 */
public final class BlamelessReview {

    private static final int MAX_QUOTE = 240;

    /** The anchors by their (ASCII, lowercase) first letter. */
    private final List<List<Anchor>> anchorsByLetter = new ArrayList<>(128);

    public BlamelessReview() {
        for (int c = 0; c < 128; c++) {
            anchorsByLetter.add(new ArrayList<>(2));
        }
        for (BlameRule rule : BlameRules.ALL) {
            for (String anchor : rule.anchors()) {
                anchorsByLetter.get(anchor.charAt(0)).add(new Anchor(anchor, rule));
            }
        }
    }

    private record Anchor(String text, BlameRule rule) {
    }

    /** The findings in every text, in the order given, sentence by sentence. */
    public List<BlameFinding> review(List<CapturedText> texts) {
        List<BlameFinding> findings = new ArrayList<>();
        for (CapturedText text : texts) {
            for (Match match : scan(text.text())) {
                findings.add(new BlameFinding(text, match.sentence(), match.phrase(), match.suggestion()));
            }
        }
        return findings;
    }

    /** The blaming phrases in one plain text, at most one per rule and sentence. */
    public List<Match> scan(String text) {
        List<BlameRule> candidates = candidates(text);
        if (candidates.isEmpty()) {
            return List.of();
        }
        String normalized = text.replace('’', '\'').replace('‘', '\'');
        List<Match> matches = new ArrayList<>();
        for (String sentence : Sentences.split(normalized)) {
            for (BlameRule rule : candidates) {
                String phrase = rule.firstBlame(sentence);
                if (phrase != null) {
                    matches.add(new Match(quote(sentence), phrase, rule.suggestion()));
                }
            }
        }
        return matches;
    }

    /**
     * Whether the text has an anchor word of any rule: the text can only blame if it does. Cheap enough to run on
     * every message before anything else is done with it.
     */
    boolean mayBlame(String text) {
        return text != null && !candidates(text).isEmpty();
    }

    private List<BlameRule> candidates(String text) {
        List<BlameRule> rules = List.of();
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = Character.toLowerCase(text.charAt(i));
            if (c >= 128 || (i > 0 && Character.isLetterOrDigit(text.charAt(i - 1)))) {
                continue;
            }
            for (Anchor anchor : anchorsByLetter.get(c)) {
                if (!rules.contains(anchor.rule())
                        && text.regionMatches(true, i, anchor.text(), 0, anchor.text().length())) {
                    if (rules.isEmpty()) {
                        rules = new ArrayList<>(2);
                    }
                    rules.add(anchor.rule());
                }
            }
        }
        return rules;
    }

    private static String quote(String sentence) {
        String trimmed = sentence.strip();
        return trimmed.length() <= MAX_QUOTE ? trimmed : trimmed.substring(0, MAX_QUOTE).stripTrailing() + "…";
    }

    /** A blaming phrase in a sentence, with the neutral wording to suggest. */
    public record Match(String sentence, String phrase, String suggestion) {
    }
}
