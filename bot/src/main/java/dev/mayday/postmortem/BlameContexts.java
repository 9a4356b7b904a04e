package dev.mayday.postmortem;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The checks of the words around a matched phrase that keep neutral uses out of the blameless review: who the
 * subject is, which verb follows, whether it is negated or a technical term.
 */
final class BlameContexts {

    /** Past participles that follow "should have" when someone is being second-guessed about diligence. */
    private static final Set<String> DILIGENCE = Set.of("checked", "double-checked", "caught", "known", "noticed",
            "tested", "asked", "read", "reviewed", "looked", "paged", "escalated", "verified", "realized", "realised",
            "seen", "thought", "listened", "followed", "told", "called", "spotted", "confirmed", "answered",
            "responded", "acknowledged", "acked", "communicated", "warned", "mentioned", "flagged", "raised",
            "said", "watched", "monitored", "waited", "tried", "used", "remembered", "planned", "prepared");
    /** What people are told they "shouldn't have" done. */
    private static final Set<String> ACTIONS = Set.of("pushed", "merged", "deployed", "touched", "approved", "shipped",
            "skipped", "ignored", "bypassed", "rushed", "force-pushed", "changed", "deleted", "dropped", "disabled",
            "restarted", "run", "ran", "done", "made", "gone", "rolled", "clicked", "typed", "killed");
    private static final Set<String> IRREGULAR_PARTICIPLES = Set.of("been", "known", "seen", "done", "gone", "had",
            "run", "read", "caught", "taken", "given", "told", "thought", "made", "written", "kept", "left", "sent",
            "found", "heard", "held", "brought", "paid", "put", "set", "shut", "said", "got", "gotten", "understood",
            "spoken", "woken", "chosen", "driven", "forgotten", "hit", "let", "spent", "stood", "won");
    /** "should have been …" that judges the person rather than saying they were not served (told, paged). */
    private static final Set<String> JUDGED_STATE = Set.of("more", "careful", "aware", "watching", "paying",
            "checking", "faster", "quicker", "awake", "smarter", "attentive", "thorough", "diligent", "responsible",
            "looking", "on", "around", "available", "online", "reachable", "reading", "testing", "better");
    private static final Set<String> NEGATIONS = Set.of("no", "not", "never", "without", "nobody", "noone", "none",
            "don't", "dont", "doesn't", "isn't", "aren't", "won't", "wasn't", "weren't", "can't", "cannot", "zero",
            "avoid", "avoiding", "stop", "nor", "neither", "didn't", "shouldn't");
    private static final Set<String> NOBODY = Set.of("nobody", "noone", "anyone", "anybody", "one", "everyone",
            "everybody", "no-one");
    private static final Set<String> ERROR_TECH = Set.of("rate", "rates", "page", "pages", "message", "messages",
            "handling", "handler", "code", "codes", "count", "counts", "toast", "dialog", "state", "path", "log", "logs",
            "budget", "class", "classes", "type", "types", "metric", "metrics", "bucket", "buckets", "response");
    private static final Set<String> FAULT_TECH = Set.of("tolerant", "tolerance", "injection", "inject", "injector",
            "domain", "domains", "line", "lines", "detection", "detector", "isolation", "handler", "handling", "code",
            "codes", "counter", "counters", "zone", "zones", "model", "tree", "trees", "state");
    private static final Set<String> LAZY_TECH = Set.of("loading", "load", "loaded", "loads", "init", "initialization",
            "initialisation", "initialized", "initialised", "evaluation", "eval", "evaluated", "val", "fetch",
            "fetching", "fetched", "singleton", "iterator", "sequence", "sequences", "mode", "deserialization",
            "parsing", "import", "imports", "binding", "allocation", "property", "properties", "column", "columns",
            "mapping", "list", "lists", "stream", "streams", "static", "proxy", "proxies", "instantiation");
    private static final Set<String> BROKEN_THINGS = Set.of("prod", "production", "staging", "it", "everything",
            "main", "master", "trunk", "things", "the", "checkout", "login", "deploys", "ci", "release");
    private static final Set<String> PASSIVE_VERBS = Set.of("got", "get", "gets", "getting", "is", "was", "were",
            "are", "been", "be", "being", "looks", "look", "seems", "seem", "all", "totally", "completely", "pretty",
            "really", "so", "very", "bit", "kinda", "badly");
    private static final Set<String> ADVERBS = Set.of("just", "probably", "really", "definitely", "also", "at",
            "least", "maybe", "obviously", "clearly", "totally", "actually", "simply", "even", "easily");
    private static final Set<String> SAY_VERBS = Set.of("mention", "say", "add", "ask", "share", "post", "link",
            "include", "tag", "note", "attach", "reply", "cc");

    private BlameContexts() {
    }

    private static String first(List<String> words) {
        return words.isEmpty() ? "" : words.get(0);
    }

    /** "human error" blames; "the user error rate" is a metric. */
    static boolean notErrorJargon(String sentence, int start, int end) {
        return !ERROR_TECH.contains(first(Tokens.after(sentence, end, 1)));
    }

    /** "lazy" judges a person; "lazy loading" is a technique. */
    static boolean notLazyJargon(String sentence, int start, int end) {
        return !LAZY_TECH.contains(first(Tokens.after(sentence, end, 1)));
    }

    /** "He didn't even look" blames a person; "it didn't even start" does not. */
    static boolean personOrName(String sentence, int start, int end) {
        Subject subject = Subject.before(sentence, start);
        return subject == Subject.PERSON || subject == Subject.NAME_OR_THING;
    }

    /** "Dana's fault", "my fault", "the intern's fault" blame; "nobody's fault", "the cache's fault" do not. */
    static boolean possessiveBlames(String sentence, int start, int end) {
        String match = sentence.substring(start, end);
        int apostrophe = match.indexOf("'s ");
        List<String> after = Tokens.after(sentence, end, 1);
        if (FAULT_TECH.contains(first(after))) {
            return false;
        }
        if (apostrophe < 0) {
            return true;
        }
        String owner = Tokens.after(match, 0, 1).get(0);
        owner = owner.endsWith("'s") ? owner.substring(0, owner.length() - 2) : owner;
        String previous = first(Tokens.before(sentence, start, 1));
        if (NOBODY.contains(owner) || Subject.THING_PRONOUNS.contains(owner)) {
            return false;
        }
        return owner.startsWith("@") || Subject.PERSON_NOUNS.contains(owner) || !Subject.DETERMINERS.contains(previous);
    }

    /** "the fault of the on-call" blames; "no fault of anyone", "the fault of the retry loop" do not. */
    static boolean faultOfBlames(String sentence, int start, int end) {
        if (NEGATIONS.contains(first(Tokens.before(sentence, start, 1)))) {
            return false;
        }
        List<String> next = Tokens.after(sentence, end, 2);
        String object = first(next);
        if (NOBODY.contains(object) || Subject.THING_PRONOUNS.contains(object)) {
            return false;
        }
        if (Subject.DETERMINERS.contains(object)) {
            return next.size() > 1 && Subject.PERSON_NOUNS.contains(next.get(1));
        }
        return true;
    }

    /**
     * Counterfactual "should have" + past participle about a person. "You should have access now" (not a
     * participle), "the alert should have fired" (a thing) and "she should have been paged" (she was not served)
     * are neutral; for a bare capitalised word ("Dana", "Checkout") the verb decides.
     */
    static boolean shouldHaveBlames(String sentence, int start, int end) {
        List<String> next = withoutFillers(Tokens.after(sentence, end, 4));
        String verb = first(next);
        if (!isParticiple(verb)) {
            return false;
        }
        if (verb.equals("been")) {
            String state = next.size() > 1 ? next.get(1) : "";
            if (!JUDGED_STATE.contains(state)) {
                return false;
            }
        }
        String phrase = sentence.substring(start, end).toLowerCase(Locale.ROOT);
        boolean negated = phrase.contains("n't") || phrase.contains(" not") || phrase.contains("dnt");
        Subject subject = Subject.before(sentence, start);
        return switch (subject) {
            case PERSON, NONE -> true;
            case THING -> false;
            case NAME_OR_THING -> DILIGENCE.contains(verb) || verb.equals("been")
                    || (negated && ACTIONS.contains(verb));
        };
    }

    private static List<String> withoutFillers(List<String> words) {
        return words.stream().filter(word -> !ADVERBS.contains(word)).toList();
    }

    private static boolean isParticiple(String word) {
        return word.endsWith("ed") || IRREGULAR_PARTICIPLES.contains(word) || DILIGENCE.contains(word)
                || ACTIONS.contains(word);
    }

    /** "Someone forgot to renew the cert" blames; "I forgot to mention…" and "the job forgot to…" do not. */
    static boolean forgotBlames(String sentence, int start, int end) {
        Subject subject = Subject.before(sentence, start);
        if (subject == Subject.THING) {
            return false;
        }
        String said = first(Tokens.after(sentence, end, 1));
        String who = first(Tokens.before(sentence, start, 1));
        return !(SAY_VERBS.contains(said) && (subject == Subject.NONE || who.equals("i")));
    }

    /**
     * "Don't blame Sam" and "no blame" are neutral, unless a "but" follows ("not blaming anyone, but…");
     * "git blame" and "blame-free" are neutral.
     */
    static boolean blameBlames(String sentence, int start, int end) {
        List<String> before = Tokens.before(sentence, start, 4);
        String previous = first(before);
        if (previous.equals("git") || previous.equals("svn") || previous.equals("hg") || previous.equals("annotate")) {
            return false;
        }
        String rest = sentence.substring(end).toLowerCase(Locale.ROOT);
        if (rest.startsWith("-free") || rest.startsWith(" free") || rest.startsWith("less")) {
            return false;
        }
        boolean negated = before.stream().anyMatch(NEGATIONS::contains);
        return !negated || rest.contains(" but ");
    }

    /** "Dana broke prod", "someone broke staging" blame; "the deploy broke checkout" does not. */
    static boolean brokeBlames(String sentence, int start, int end) {
        Subject subject = Subject.before(sentence, start);
        if (subject == Subject.PERSON) {
            return true;
        }
        return subject == Subject.NAME_OR_THING && BROKEN_THINGS.contains(first(Tokens.after(sentence, end, 1)));
    }

    /** "Sam messed up the config" blames; "the data got messed up" describes a state. */
    static boolean messedUpBlames(String sentence, int start, int end) {
        String match = sentence.substring(start, end).toLowerCase(Locale.ROOT);
        if (!match.endsWith(" up")) {
            // the noun ("a screw-up", "botched") judges whoever did it
            return !PASSIVE_VERBS.contains(first(Tokens.before(sentence, start, 1))) || match.contains("screw");
        }
        if (PASSIVE_VERBS.contains(first(Tokens.before(sentence, start, 1)))) {
            return false;
        }
        return Subject.before(sentence, start) != Subject.THING;
    }

    /** "Dana failed to check the dashboard" blames; "the job failed to start" does not. */
    static boolean diligentPerson(String sentence, int start, int end) {
        Subject subject = Subject.before(sentence, start);
        if (subject == Subject.PERSON) {
            return true;
        }
        String verb = first(Tokens.after(sentence, end, 1));
        return subject == Subject.NAME_OR_THING && Set.of("check", "notice", "follow", "read", "review", "test",
                "escalate", "page", "respond", "ack", "acknowledge", "update", "communicate", "verify", "tell", "warn",
                "mention", "ask", "look").contains(verb);
    }
}
