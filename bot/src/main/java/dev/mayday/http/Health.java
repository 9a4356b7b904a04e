package dev.mayday.http;

import dev.mayday.db.Writability;
import io.javalin.http.Context;

import java.util.Map;

/**
 * {@code GET /health}: the process answers, and says which kind of store it uses ({@code database}) and whether this
 * process can write to it ({@code writable}). A store that answers reads but fails every write (a full disk, a
 * read-only file system), or a database server this process has lost, is "not writable", with 503 and the reason, so a
 * load balancer stops sending to it; a store busy with other writes is still healthy.
 */
public final class Health {

    private final StoreProbe store;

    public Health(StoreProbe store) {
        this.store = store;
    }

    public void handle(Context ctx) {
        Writability found = store.check();
        String database = store.storeKind();
        switch (found.state()) {
            case WRITABLE -> ctx.status(200).json(Map.of("status", "ok", "store", "reachable", "database", database,
                    "writable", true));
            case BUSY -> ctx.status(200).json(Map.of("status", "ok", "store", "busy", "reason", found.reason(),
                    "database", database, "writable", true));
            case NOT_WRITABLE -> ctx.status(503).json(Map.of("status", "degraded", "store", "not writable",
                    "reason", found.reason(), "database", database, "writable", false));
        }
    }
}
