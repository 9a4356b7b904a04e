package dev.mayday.postmortem;

import java.util.List;
import java.util.Set;

/**
 * Who a phrase is about, judged from the words before it. Blame needs a person: "you should have", "@U1 should have",
 * "the reviewer should have" are about people; "it should have", "the build should have" are about things; "Dana
 * should have" and "Checkout should have" cannot be told apart by their words, so the rules decide by the verb.
 */
enum Subject {
    PERSON, NAME_OR_THING, THING, NONE;

    static final Set<String> PERSON_PRONOUNS = Set.of("i", "you", "he", "she", "we", "they", "someone", "somebody",
            "anyone", "anybody", "everyone", "everybody", "whoever", "who", "u", "ya", "y'all", "i'd", "you'd", "he'd",
            "she'd", "we'd", "they'd");
    static final Set<String> PERSON_NOUNS = Set.of("oncall", "on-call", "intern", "interns", "reviewer", "reviewers",
            "engineer", "engineers", "dev", "devs", "developer", "developers", "ops", "sre", "sres", "operator",
            "operators", "admin", "admins", "author", "deployer", "approver", "owner", "lead", "manager", "contractor",
            "guy", "guys", "person", "people", "team", "folks", "newbie", "junior", "qa", "tester", "dba", "dbas",
            "colleague", "colleagues", "coworker", "teammate", "teammates", "vendor", "vendors", "support");
    static final Set<String> THING_PRONOUNS = Set.of("it", "this", "that", "which", "there", "these", "those", "what",
            "everything", "nothing", "something", "here", "its", "one");
    static final Set<String> DETERMINERS = Set.of("the", "a", "an", "our", "this", "that", "their", "its", "each",
            "every", "my", "your", "his", "her", "these", "those", "some", "any", "no");
    private static final Set<String> FILLERS = Set.of("really", "probably", "definitely", "honestly", "obviously",
            "clearly", "just", "totally", "also", "seriously", "maybe", "certainly", "absolutely", "surely", "prob",
            "def", "literally", "kinda", "all", "both", "still", "actually", "again", "even", "simply", "at", "least",
            "then", "so", "imo", "tbh", "tbf", "apparently");

    /** The subject of the phrase starting at {@code start}. */
    static Subject before(String sentence, int start) {
        List<String> words = Tokens.before(sentence, start, 8);
        if (words.contains("who") || words.contains("whoever")) {
            return PERSON;
        }
        int i = 0;
        while (i < words.size() && FILLERS.contains(words.get(i))) {
            i++;
        }
        if (i == words.size()) {
            return NONE;
        }
        String word = words.get(i);
        String previous = i + 1 < words.size() ? words.get(i + 1) : "";
        if (word.startsWith("@") || PERSON_PRONOUNS.contains(word) || PERSON_NOUNS.contains(word)) {
            return PERSON;
        }
        if (THING_PRONOUNS.contains(word) || DETERMINERS.contains(previous)) {
            return THING;
        }
        return Character.isUpperCase(rawWordBefore(sentence, start, i).charAt(0)) ? NAME_OR_THING : THING;
    }

    /** The i-th word before {@code start} as written, for its capital letter. */
    private static String rawWordBefore(String sentence, int start, int i) {
        int end = start;
        String word = "";
        for (int k = 0; k <= i; k++) {
            word = Tokens.previousRaw(sentence, end);
            end = Tokens.startOfPreviousWord(sentence, end);
        }
        return word.isEmpty() ? "x" : word;
    }
}
