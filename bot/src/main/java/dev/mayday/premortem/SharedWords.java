package dev.mayday.premortem;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Whether an incident's title speaks of a pre-mortem's change: they share a word of four letters or more that is not
 * a common one ("the checkout migration" and "Checkout returning 502s" share "checkout").
 */
final class SharedWords {

    private static final Set<String> COMMON = Set.of("with", "from", "into", "after", "before", "down", "failing",
            "failed", "fails", "error", "errors", "issue", "issues", "incident", "broken", "slow", "returning", "this",
            "that", "again", "over", "when", "what", "were", "have", "being", "some", "more");

    private SharedWords() {
    }

    static boolean match(String title, String change) {
        Set<String> titleWords = words(title);
        return words(change).stream().anyMatch(titleWords::contains);
    }

    static Set<String> words(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        return Arrays.stream(folded.toLowerCase(Locale.ROOT).split("[^a-z0-9]+"))
                .filter(word -> word.length() >= 4 && !COMMON.contains(word))
                .collect(Collectors.toSet());
    }
}
