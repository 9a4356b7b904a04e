package dev.mayday.http;

import dev.mayday.db.Writability;
import io.javalin.http.Context;

import java.util.Map;

/**
 * {@code GET /health}: the process answers, and says whether the store takes writes. A store that answers reads but
 * fails every write (a full disk, a read-only file system) is "not writable", with 503 and the reason; a store busy
 * with other writes is still healthy.
 */
public final class Health {

    private final StoreProbe store;

    public Health(StoreProbe store) {
        this.store = store;
    }

    public void handle(Context ctx) {
        Writability found = store.check();
        switch (found.state()) {
            case WRITABLE -> ctx.status(200).json(Map.of("status", "ok", "store", "reachable"));
            case BUSY -> ctx.status(200).json(Map.of("status", "ok", "store", "busy", "reason", found.reason()));
            case NOT_WRITABLE -> ctx.status(503).json(Map.of("status", "degraded", "store", "not writable",
                    "reason", found.reason()));
        }
    }
}
