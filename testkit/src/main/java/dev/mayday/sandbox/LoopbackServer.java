package dev.mayday.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The HTTP server under the sandbox's fakes: bound to 127.0.0.1 only (never reachable from outside the machine),
 * an ephemeral port, a small pool of daemon threads (a test that forgets to close cannot keep the JVM alive).
 */
public final class LoopbackServer implements AutoCloseable {

    static {
        // The JDK server writes headers and body separately; with Nagle on, every reply then waits for the
        // client's delayed ACK (~40 ms a call). Read once, when the JDK server first loads.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer server;
    private final ExecutorService pool;

    private LoopbackServer(HttpServer server, ExecutorService pool) {
        this.server = server;
        this.pool = pool;
    }

    public static LoopbackServer start(String name, int threads, HttpHandler handler) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByAddress(
                    new byte[] {127, 0, 0, 1}), 0), 0);
            AtomicInteger counter = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
                Thread thread = new Thread(runnable, name + "-" + counter.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
            server.setExecutor(pool);
            server.createContext("/", handler);
            server.start();
            return new LoopbackServer(server, pool);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + " on loopback", e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public static void send(HttpExchange exchange, int status, Map<String, String> headers, byte[] body)
            throws IOException {
        headers.forEach(exchange.getResponseHeaders()::set);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** Sends if it still can: headers already sent or a client gone leave only closing the exchange. */
    public static void trySend(HttpExchange exchange, int status, Map<String, String> headers, byte[] body) {
        try {
            send(exchange, status, headers, body);
        } catch (IOException | RuntimeException ignored) {
            // nothing left to do but close, which the caller's exchange handling does
        }
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
