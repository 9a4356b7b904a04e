package dev.mayday.digest;

/**
 * What the digest says of pre-mortems: how many were opened in the week, and how many of the week's incidents one
 * foresaw (linked to a pre-mortem with the risk that happened marked). Nothing is said in a week with neither.
 */
public record PremortemCount(int held, int foreseen) {

    public static PremortemCount none() {
        return new PremortemCount(0, 0);
    }

    public boolean any() {
        return held > 0 || foreseen > 0;
    }

    /** One sentence, given how many incidents were declared in the week. */
    public String sentence(int incidents) {
        return (held == 1 ? "1 pre-mortem" : held + " pre-mortems") + " held; " + foreseen + " of the week's "
                + (incidents == 1 ? "1 incident was" : incidents + " incidents were") + " foreseen by one.";
    }
}
