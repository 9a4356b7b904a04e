package dev.mayday.postmortem;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One kind of blaming phrase: a whole-word pattern, the lowercase word starts (anchors) one of which must appear
 * before the pattern is tried at all, a check of the words around a match that keeps neutral uses out, and the neutral wording to suggest.
 */
record BlameRule(String name, List<String> anchors, Pattern pattern, Context context, String suggestion) {

    /** Whether the match at [start, end) of the sentence blames a person; the default accepts every match. */
    @FunctionalInterface
    interface Context {
        boolean blames(String sentence, int start, int end);
    }

    static BlameRule of(String name, String regex, String suggestion, Context context, String... anchors) {
        return new BlameRule(name, List.of(anchors),
                Pattern.compile("(?<![\\w@'-])(?:" + regex + ")(?![\\w'])", Pattern.CASE_INSENSITIVE),
                context, suggestion);
    }

    static BlameRule always(String name, String regex, String suggestion, String... anchors) {
        return of(name, regex, suggestion, (sentence, start, end) -> true, anchors);
    }

    /** The phrase as written in the first blaming match, lowercased; null when none blames. */
    String firstBlame(String sentence) {
        Matcher matcher = pattern.matcher(sentence);
        while (matcher.find()) {
            if (context.blames(sentence, matcher.start(), matcher.end())) {
                return matcher.group().toLowerCase(Locale.ROOT);
            }
        }
        return null;
    }
}
