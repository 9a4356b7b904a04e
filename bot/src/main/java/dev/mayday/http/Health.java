package dev.mayday.http;

import dev.mayday.db.Writability;
import io.javalin.http.Context;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code GET /health}: the process answers, and says whether the store takes writes. A store that answers reads but
 * fails every write (a full disk, a read-only file system) is "not writable", with 503 and the reason; a store busy
 * with other writes is still healthy. The last restore drill is reported too, as information: a failed drill is the
 * team's to look at, not a reason for a load balancer to stop sending requests here.
 */
public final class Health {

    private final StoreProbe store;
    private final Supplier<Map<String, Object>> drill;

    public Health(StoreProbe store, Supplier<Map<String, Object>> drill) {
        this.store = store;
        this.drill = drill;
    }

    public void handle(Context ctx) {
        Writability found = store.check();
        Map<String, Object> body = new LinkedHashMap<>();
        switch (found.state()) {
            case WRITABLE -> body.putAll(Map.of("status", "ok", "store", "reachable"));
            case BUSY -> body.putAll(Map.of("status", "ok", "store", "busy", "reason", found.reason()));
            case NOT_WRITABLE -> body.putAll(Map.of("status", "degraded", "store", "not writable",
                    "reason", found.reason()));
        }
        if (found.state() != Writability.State.NOT_WRITABLE) {
            body.put("drill", drill.get());
        }
        ctx.status(found.state() == Writability.State.NOT_WRITABLE ? 503 : 200).json(body);
    }
}
