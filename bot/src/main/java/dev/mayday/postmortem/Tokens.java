package dev.mayday.postmortem;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The words around a phrase in a sentence, lowercased, without punctuation: what the blame rules look at to tell
 * "Dana should have checked" from "the build should have the flag set".
 */
final class Tokens {

    private Tokens() {
    }

    /** Up to {@code max} words before {@code index}, nearest first. */
    static List<String> before(String sentence, int index, int max) {
        List<String> words = new ArrayList<>(max);
        int i = index - 1;
        while (i >= 0 && words.size() < max) {
            while (i >= 0 && !isWordChar(sentence.charAt(i))) {
                i--;
            }
            int end = i + 1;
            while (i >= 0 && isWordChar(sentence.charAt(i))) {
                i--;
            }
            if (end > i + 1) {
                words.add(trim(sentence.substring(i + 1, end)));
            }
        }
        return words;
    }

    /** Up to {@code max} words from {@code index} on, in order; a hyphen right after the phrase separates words. */
    static List<String> after(String sentence, int index, int max) {
        List<String> words = new ArrayList<>(max);
        int i = index;
        int n = sentence.length();
        while (i < n && words.size() < max) {
            while (i < n && !Character.isLetterOrDigit(sentence.charAt(i)) && sentence.charAt(i) != '@') {
                i++;
            }
            int start = i;
            while (i < n && isWordChar(sentence.charAt(i))) {
                i++;
            }
            if (i > start) {
                words.add(trim(sentence.substring(start, i)));
            }
        }
        return words;
    }

    /** The word as written (case kept) that ends right before {@code index}, or "" at the start. */
    static String previousRaw(String sentence, int index) {
        int i = index - 1;
        while (i >= 0 && !isWordChar(sentence.charAt(i))) {
            i--;
        }
        int end = i + 1;
        while (i >= 0 && isWordChar(sentence.charAt(i))) {
            i--;
        }
        return sentence.substring(i + 1, end);
    }

    /** Whether anything but punctuation precedes {@code index}. */
    static boolean isSentenceStart(String sentence, int index) {
        for (int i = index - 1; i >= 0; i--) {
            if (Character.isLetterOrDigit(sentence.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    static int startOfPreviousWord(String sentence, int index) {
        int i = index - 1;
        while (i >= 0 && !isWordChar(sentence.charAt(i))) {
            i--;
        }
        while (i >= 0 && isWordChar(sentence.charAt(i))) {
            i--;
        }
        return i + 1;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '\'' || c == '-' || c == '@' || c == '_';
    }

    private static String trim(String word) {
        int start = 0;
        int end = word.length();
        while (start < end && (word.charAt(start) == '\'' || word.charAt(start) == '-')) {
            start++;
        }
        while (end > start && (word.charAt(end - 1) == '\'' || word.charAt(end - 1) == '-')) {
            end--;
        }
        return word.substring(start, end).toLowerCase(Locale.ROOT);
    }
}
