package dev.mayday.http;

import dev.mayday.db.Writability;
import dev.mayday.slack.socket.SocketStatus;
import io.javalin.http.Context;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code GET /health}: the process answers, and says whether the store takes writes. A store that answers reads but
 * fails every write (a full disk, a read-only file system) is "not writable", with 503 and the reason; a store busy
 * with other writes is still healthy. In Socket Mode it also says whether the socket to Slack is connected: without
 * it no command, button or event reaches Mayday, so "disconnected" is a 503 too, with the last reason known. The last
 * restore drill is reported as information: a failed drill is the team's to look at, not a reason for a load balancer
 * to stop sending requests here.
 */
public final class Health {

    private final StoreProbe store;
    private final Supplier<Map<String, Object>> drill;
    private final Optional<Supplier<SocketStatus>> socket;

    /** {@code socket} is present in Socket Mode. */
    public Health(StoreProbe store, Supplier<Map<String, Object>> drill, Optional<Supplier<SocketStatus>> socket) {
        this.store = store;
        this.drill = drill;
        this.socket = socket;
    }

    public void handle(Context ctx) {
        Writability found = store.check();
        Map<String, Object> answer = new LinkedHashMap<>();
        boolean healthy = found.state() != Writability.State.NOT_WRITABLE;
        answer.put("status", "ok");
        switch (found.state()) {
            case WRITABLE -> answer.put("store", "reachable");
            case BUSY -> answer.put("store", "busy");
            case NOT_WRITABLE -> answer.put("store", "not writable");
        }
        if (found.state() != Writability.State.WRITABLE) {
            answer.put("reason", found.reason());
        }
        if (socket.isPresent()) {
            SocketStatus status = socket.get().get();
            answer.put("socket", status.connected() ? "connected" : "disconnected");
            if (!status.connected()) {
                answer.put("socket_reason", status.reason());
                healthy = false;
            }
        }
        if (found.state() != Writability.State.NOT_WRITABLE) {
            answer.put("drill", drill.get());
        }
        if (!healthy) {
            answer.put("status", "degraded");
        }
        ctx.status(healthy ? 200 : 503).json(answer);
    }
}
