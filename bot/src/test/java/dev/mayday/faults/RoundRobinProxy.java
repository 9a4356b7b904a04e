package dev.mayday.faults;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A load balancer in front of several Mayday processes, on 127.0.0.1: each request goes to the next process in turn;
 * one that fails (no connection, cut off, a 5xx) is sent again to the next process, each process tried at most once,
 * as a load balancer with retries does. A process that was killed stays in the rotation (the balancer has not noticed
 * yet): its requests are refused at once and go to another. Answers 502 when no process took the request.
 */
final class RoundRobinProxy implements AutoCloseable {

    /** Headers the JDK client sets itself (or refuses to be given). */
    private static final Set<String> NOT_FORWARDED = Set.of("host", "content-length", "connection", "expect",
            "upgrade", "transfer-encoding", "keep-alive");
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final AtomicReferenceArray<URI> backends;
    private final AtomicInteger next = new AtomicInteger();
    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(8, r -> {
        Thread thread = new Thread(r, "round-robin-proxy");
        thread.setDaemon(true);
        return thread;
    });
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .version(HttpClient.Version.HTTP_1_1).build();
    private final Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();

    private RoundRobinProxy(int slots) throws IOException {
        backends = new AtomicReferenceArray<>(slots);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.createContext("/", this::forward);
        server.setExecutor(threads);
        server.start();
    }

    /** A proxy with {@code slots} empty places for processes; {@link #route} fills them. */
    static RoundRobinProxy start(int slots) throws IOException {
        return new RoundRobinProxy(slots);
    }

    URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** From now on, slot {@code slot} sends to {@code base} (a process started again has a new port). */
    void route(int slot, URI base) {
        backends.set(slot, base);
    }

    /** How the requests fared: first tries, retries, and what made them necessary. */
    String summary() {
        Map<String, Integer> sorted = new TreeMap<>();
        outcomes.forEach((k, v) -> sorted.put(k, v.get()));
        return sorted.toString();
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            int first = Math.floorMod(next.getAndIncrement(), backends.length());
            for (int tried = 0; tried < backends.length(); tried++) {
                URI base = backends.get((first + tried) % backends.length());
                if (base == null) {
                    continue;
                }
                String outcome = tried == 0 ? "first try" : "retry";
                try {
                    HttpResponse<byte[]> answer = client.send(request(exchange, base, body),
                            HttpResponse.BodyHandlers.ofByteArray());
                    if (answer.statusCode() >= 500) {
                        count(outcome + " answered " + answer.statusCode());
                        continue;
                    }
                    count(outcome + " answered");
                    reply(exchange, answer.statusCode(), answer.headers().firstValue("Content-Type"), answer.body());
                    return;
                } catch (IOException failed) {
                    count(outcome + " failed (" + failed.getClass().getSimpleName() + ")");
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            count("no process answered");
            reply(exchange, 502, Optional.of("text/plain"),
                    "no Mayday process answered".getBytes(StandardCharsets.UTF_8));
        }
    }

    private static HttpRequest request(HttpExchange exchange, URI base, byte[] body) {
        URI target = base.resolve(exchange.getRequestURI().toString());
        HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(REQUEST_TIMEOUT)
                .method(exchange.getRequestMethod(), body.length == 0 && exchange.getRequestMethod().equals("GET")
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> request.header(name, value));
            }
        });
        return request.build();
    }

    private static void reply(HttpExchange exchange, int status, Optional<String> contentType, byte[] body)
            throws IOException {
        contentType.ifPresent(type -> exchange.getResponseHeaders().set("Content-Type", type));
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private void count(String outcome) {
        outcomes.computeIfAbsent(outcome, k -> new AtomicInteger()).incrementAndGet();
    }

    @Override
    public void close() throws InterruptedException {
        server.stop(0);
        threads.shutdownNow();
        threads.awaitTermination(10, TimeUnit.SECONDS);
    }
}
