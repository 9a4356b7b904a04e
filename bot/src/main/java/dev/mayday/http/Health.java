package dev.mayday.http;

import dev.mayday.db.Writability;
import dev.mayday.slack.api.TokenStatus;
import io.javalin.http.Context;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code GET /health}: the process answers, and says whether the store takes writes and whether Slack accepts the bot
 * token. A store that answers reads but fails every write (a full disk, a read-only file system) is "not writable",
 * with 503 and the reason; a store busy with other writes is still healthy. A token Slack refused, or one that is not
 * a bot's, is 503 with the reason in {@code slack} until a later check finds it fixed; Slack not answering is not a
 * failure ({@code "slack":"unreachable"}): requests are still acknowledged and stored.
 */
public final class Health {

    private final StoreProbe store;
    private final Supplier<TokenStatus> slack;

    public Health(StoreProbe store, Supplier<TokenStatus> slack) {
        this.store = store;
        this.slack = slack;
    }

    public void handle(Context ctx) {
        Writability found = store.check();
        TokenStatus token = slack.get();
        boolean healthy = found.state() != Writability.State.NOT_WRITABLE && !token.refused();
        Map<String, String> body = new LinkedHashMap<>();
        body.put("status", healthy ? "ok" : "degraded");
        switch (found.state()) {
            case WRITABLE -> body.put("store", "reachable");
            case BUSY -> body.put("store", "busy");
            case NOT_WRITABLE -> body.put("store", "not writable");
        }
        if (found.state() != Writability.State.WRITABLE) {
            body.put("reason", found.reason());
        }
        body.put("slack", token.state());
        ctx.status(healthy ? 200 : 503).json(body);
    }
}
