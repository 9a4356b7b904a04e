package dev.mayday.slack.requests;

import com.slack.api.bolt.context.Context;
import dev.mayday.db.StoreException;
import dev.mayday.incident.IncidentRuleViolation;
import dev.mayday.text.UserText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns any failure into a sentence a person can act on: never a stack trace, never silence. */
public final class UserFacingErrors {

    private static final Logger log = LoggerFactory.getLogger(UserFacingErrors.class);

    private UserFacingErrors() {
    }

    /**
     * The sentence for {@code e}; unless a rule refused the request, {@code ctx}'s request is also marked as not
     * carried out, so that the same request sent again is handled rather than taken for a replay.
     */
    public static String explain(Context ctx, RuntimeException e, String attempted) {
        if (e instanceof IncidentRuleViolation) {
            return ":warning: " + e.getMessage();
        }
        RequestOutcome.notCarriedOut(ctx);
        if (e instanceof StoreException) {
            log.error("Store failed while {}", attempted, e);
            return ":x: Mayday could not save that (its database is unavailable: " + UserText.inert(rootMessage(e))
                    + "). Nothing was changed; please try again in a moment.";
        }
        log.error("Unexpected failure while {}", attempted, e);
        return ":x: Something went wrong on Mayday's side while " + attempted
                + ". Nothing was changed; please try again, and tell the Mayday maintainers if it keeps happening.";
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.length() > 120 ? message.substring(0, 120) + "…" : message;
    }
}
