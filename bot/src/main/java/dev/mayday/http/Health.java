package dev.mayday.http;

import dev.mayday.db.Database;
import io.javalin.http.Context;

import java.util.Map;

/** {@code GET /health}: the process answers, and says whether the store does. */
public final class Health {

    private final Database database;

    public Health(Database database) {
        this.database = database;
    }

    public void handle(Context ctx) {
        boolean store = database.isReachable();
        ctx.status(store ? 200 : 503).json(Map.of("status", store ? "ok" : "degraded",
                "store", store ? "reachable" : "unreachable"));
    }
}
