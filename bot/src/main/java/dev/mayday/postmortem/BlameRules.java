package dev.mayday.postmortem;

import java.util.List;

/**
 * The phrases that assign blame to a person or call an outcome human error, with what keeps their neutral uses out
 * ("git blame", "no blame", "fault injection", "lazy loading", "the build should have the flag set").
 */
final class BlameRules {

    private static final String HUMAN_ERROR = "Name the condition that made the action possible (a missing guard, an "
            + "unclear UI, alarm fatigue) rather than calling it human error.";
    private static final String FAULT = "Describe what the system allowed: which check, default or tool let this "
            + "through, rather than whose fault it was.";
    private static final String HINDSIGHT = "Ask what would have helped at the time: what did people know and see, "
            + "and what made their choice look right then?";
    private static final String CHARACTER = "Describe the action and its context, not the person: what made the "
            + "risky path the easy one?";
    private static final String MISSED_STEP = "Say which step was missed and what would have prompted it (a "
            + "checklist, a reminder, an automated check).";
    private static final String BLAME = "Look at how the system produced the outcome: the post-mortem looks for "
            + "causes, not culprits.";
    private static final String BROKE = "Ask what changed and how it got through: which change, and which safeguard "
            + "did not catch it?";
    private static final String SLIP = "Name the guard that would catch a slip like this (a confirmation, a dry "
            + "run, a typed-name check).";
    private static final String ATTENTION = "Ask what competed for attention at the time (alert noise, parallel "
            + "work, fatigue) and what would make the signal stand out.";
    private static final String HANDOFF = "Describe the hand-off or signal that was missed, and what would make it "
            + "hard to miss.";

    static final List<BlameRule> ALL = List.of(
            BlameRule.of("human error", "(?:human|operator|user|pilot)[ -]errors?", HUMAN_ERROR,
                    BlameContexts::notErrorJargon, "error"),
            BlameRule.of("'s fault", "(?:[\\w@.-]+'s|my|your|his|her|their|our) fault", FAULT,
                    BlameContexts::possessiveBlames, "fault"),
            BlameRule.of("fault of", "fault of", FAULT, BlameContexts::faultOfBlames, "fault of"),
            BlameRule.of("'s mistake", "(?:[\\w@.-]+'s|my|your|his|her|their) (?:mistake|screw-?up|blunder)", FAULT,
                    BlameContexts::possessiveBlames, "mistake", "screw", "blunder"),
            BlameRule.of("should have", "should(?:n't| not|nt)? have|should(?:n't)?'ve|shouldn't've",
                    HINDSIGHT, BlameContexts::shouldHaveBlames, "should"),
            BlameRule.always("should know better", "should(?:'ve| have)? know(?:n)? better", HINDSIGHT, "better"),
            BlameRule.always("careless", "careless(?:ly|ness)?|sloppy|sloppiness|reckless(?:ly|ness)?", CHARACTER,
                    "careless", "slopp", "reckless"),
            BlameRule.of("forgot to", "(?:forgot|forgotten|forgetting) (?:to|about)", MISSED_STEP,
                    BlameContexts::forgotBlames, "forg"),
            BlameRule.of("blame", "blam(?:e|ed|es|ing)", BLAME, BlameContexts::blameBlames, "blam"),
            BlameRule.always("stupid", "stupid(?:ity)?|idiot(?:s|ic)?|moron(?:s|ic)?|clueless|dumbass|brain-?dead",
                    CHARACTER, "stupid", "idiot", "moron", "clueless", "dumbass", "brain"),
            BlameRule.always("incompetent", "incompeten(?:t|ce)|negligen(?:t|ce)|amateurs?(?: hour)?|rookie mistake",
                    CHARACTER, "incompeten", "negligen", "amateur", "rookie"),
            BlameRule.of("lazy", "lazy|laziness", CHARACTER,
                    BlameContexts::notLazyJargon, "laz"),
            BlameRule.always("who broke", "who (?:broke|screwed up|messed up|fucked up)", BROKE, "who"),
            BlameRule.of("broke", "broke", BROKE, BlameContexts::brokeBlames, "broke"),
            BlameRule.of("messed up", "(?:messed|screwed|fucked|f\\*cked|botched) up|botched|screw-?up|mess-up",
                    CHARACTER, BlameContexts::messedUpBlames, "messed", "screw", "fucked", "f*cked", "botch", "mess-up"),
            BlameRule.always("didn't bother", "(?:didn't|did not|didnt|never) (?:even )?bother(?:ed)?|"
                    + "(?:could(?:n't| not)?|can't|cannot|couldnt) be bothered", HINDSIGHT, "bother"),
            BlameRule.of("didn't even", "(?:didn't|did not|didnt|never) even", HINDSIGHT,
                    BlameContexts::personOrName, "even"),
            BlameRule.of("failed to", "failed to", MISSED_STEP,
                    BlameContexts::diligentPerson, "failed to"),
            BlameRule.always("dropped the ball", "drop(?:ped|s|ping)? the ball", HANDOFF, "ball"),
            BlameRule.always("not paying attention", "(?:not|wasn't|weren't|isn't|aren't|never|stop) paying attention|"
                    + "(?:didn't|did not|never) pay attention|asleep at the wheel", ATTENTION, "attention", "asleep"),
            BlameRule.always("fat-fingered", "fat[- ]?finger(?:ed|s|ing)?", SLIP, "finger", "fatf"));

    private BlameRules() {
    }
}
