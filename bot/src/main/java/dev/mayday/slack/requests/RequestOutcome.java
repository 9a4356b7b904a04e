package dev.mayday.slack.requests;

import com.slack.api.bolt.context.Context;

/**
 * What a handler says about its request beyond the HTTP answer: a command that could not be saved is still answered
 * 200 (with a sentence for the person), yet it was not carried out, so a retry of the same request must be handled.
 */
public final class RequestOutcome {

    private static final String NOT_CARRIED_OUT = "mayday.not-carried-out";

    private RequestOutcome() {
    }

    public static void notCarriedOut(Context ctx) {
        ctx.getAdditionalValues().put(NOT_CARRIED_OUT, "true");
    }

    static boolean wasCarriedOut(Context ctx) {
        return !ctx.getAdditionalValues().containsKey(NOT_CARRIED_OUT);
    }
}
