package dev.mayday.http;

import dev.mayday.db.Writability;
import io.javalin.http.Context;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code GET /health}: the process answers, and says which kind of store it uses ({@code database}) and whether this
 * process can write to it ({@code writable}), then what each {@link HealthPart} reports (the bot token, the socket in
 * Socket Mode, the last restore drill). A store that answers reads but fails every write (a full disk, a read-only file
 * system), or a database server this process has lost, is "not writable", with 503 and the reason, so a load balancer
 * stops sending to it; a store busy with other writes is still healthy. Any part that reports unhealthy makes the
 * answer 503 too.
 */
public final class Health {

    private final StoreProbe store;
    private final List<HealthPart> parts;

    public Health(StoreProbe store, List<HealthPart> parts) {
        this.store = store;
        this.parts = List.copyOf(parts);
    }

    public void handle(Context ctx) {
        Writability found = store.check();
        boolean healthy = found.state() != Writability.State.NOT_WRITABLE;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "ok");
        switch (found.state()) {
            case WRITABLE -> body.put("store", "reachable");
            case BUSY -> body.put("store", "busy");
            case NOT_WRITABLE -> body.put("store", "not writable");
        }
        if (found.state() != Writability.State.WRITABLE) {
            body.put("reason", found.reason());
        }
        body.put("database", store.storeKind());
        body.put("writable", found.state() != Writability.State.NOT_WRITABLE);
        for (HealthPart part : parts) {
            HealthPart.Report report = part.check();
            body.putAll(new TreeMap<>(report.fields()));
            healthy &= report.healthy();
        }
        if (!healthy) {
            body.put("status", "degraded");
        }
        ctx.status(healthy ? 200 : 503).json(body);
    }
}
