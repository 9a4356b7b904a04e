package dev.mayday.postmortem;

/**
 * A phrase that can read as blame: the sentence it is in ({@code quote}, trimmed), where it was written (its author
 * can change the wording), the phrase as matched and a neutral way to say it.
 */
public record BlameFinding(CapturedText from, String quote, String phrase, String suggestion) {
}
