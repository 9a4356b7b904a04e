package dev.mayday.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Iterator;

/**
 * The benchmark's load: one thread drives every connection of a {@link Plan} through one selector, keep-alive
 * HTTP/1.1, closed loop. On a 2-core machine a thread per client, each building and signing its requests, cost about
 * as much CPU as the server it measured; here the requests are bytes made before the phase and the thread only writes
 * them and reads answers, so the server gets the machine. Every loop ends by itself: at the end of the plan, at the
 * plan's cap, and each request at {@link #REQUEST_TIMEOUT}.
 */
final class LoadClient {

    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final long SELECT_MILLIS = 50;

    private final InetSocketAddress server;

    LoadClient(InetSocketAddress server) {
        this.server = server;
    }

    LoadResult run(Plan plan) throws IOException {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        try (Selector selector = Selector.open()) {
            Phase phase = new Phase(plan, selector);
            phase.drive();
            return phase.result(threads.getCurrentThreadCpuTime() - cpuStart);
        }
    }

    /** One connection's place in the plan. */
    private static final class Connection {
        final int number;
        final ResponseReader reader = new ResponseReader();
        SocketChannel channel;
        SelectionKey key;
        ByteBuffer out;
        int taken;
        int index = -1;
        long takenAt;
        long sentAt;

        Connection(int number) {
            this.number = number;
        }
    }

    private final class Phase {
        private final Plan plan;
        private final Selector selector;
        private final int total;
        private final ByteBuffer in = ByteBuffer.allocateDirect(64 * 1024);
        private final long[] samples;
        private final Connection[] connections;
        private int count;
        private int errors;
        private int active;
        private long start;
        private long deadline;
        private long lastAnswer;
        private String firstFailure = "";

        Phase(Plan plan, Selector selector) {
            this.plan = plan;
            this.selector = selector;
            this.total = plan.requests().size();
            this.samples = new long[total];
            this.connections = new Connection[Math.min(plan.connections(), total)];
        }

        void drive() throws IOException {
            start = System.nanoTime();
            lastAnswer = start;
            deadline = start + plan.cap().toNanos();
            long hardStop = deadline + REQUEST_TIMEOUT.toNanos() + Duration.ofSeconds(1).toNanos();
            for (int c = 0; c < connections.length; c++) {
                connections[c] = new Connection(c);
                active++;
                next(connections[c]);
            }
            while (active > 0 && System.nanoTime() < hardStop) {
                selector.select(SELECT_MILLIS);
                Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
                while (keys.hasNext()) {
                    SelectionKey key = keys.next();
                    keys.remove();
                    handle(key, (Connection) key.attachment());
                }
                expire();
            }
            for (Connection connection : connections) {
                close(connection);
            }
        }

        LoadResult result(long cpuNanos) {
            long[] sorted = Arrays.copyOf(samples, count);
            Arrays.sort(sorted);
            return new LoadResult(count, errors, lastAnswer - start, sorted, cpuNanos, firstFailure);
        }

        private void handle(SelectionKey key, Connection connection) {
            try {
                if (!key.isValid()) {
                    return;
                }
                if (key.isConnectable()) {
                    connection.channel.finishConnect();
                    send(connection);
                } else if (key.isWritable()) {
                    write(connection);
                } else if (key.isReadable()) {
                    read(connection);
                }
            } catch (IOException | RuntimeException e) {
                failed(connection, e.toString());
            }
        }

        /** Takes this connection's next request, or retires it when its share of the plan is done or time is up. */
        private void next(Connection connection) {
            int index = connection.number + connection.taken * connections.length;
            if (index >= total || System.nanoTime() >= deadline) {
                connection.index = -1;
                close(connection);
                active--;
                return;
            }
            connection.taken++;
            connection.index = index;
            connection.takenAt = System.nanoTime();
            try {
                if (connection.channel == null) {
                    open(connection);
                } else {
                    send(connection);
                }
            } catch (IOException | RuntimeException e) {
                failed(connection, e.toString());
            }
        }

        private void open(Connection connection) throws IOException {
            SocketChannel channel = SocketChannel.open();
            connection.channel = channel;
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            boolean connected = channel.connect(server);
            connection.key = channel.register(selector, connected ? 0 : SelectionKey.OP_CONNECT, connection);
            if (connected) {
                send(connection);
            }
        }

        private void send(Connection connection) throws IOException {
            connection.out = ByteBuffer.wrap(plan.requests().get(connection.index));
            connection.sentAt = System.nanoTime();
            write(connection);
        }

        private void write(Connection connection) throws IOException {
            connection.channel.write(connection.out);
            connection.key.interestOps(connection.out.hasRemaining() ? SelectionKey.OP_WRITE : SelectionKey.OP_READ);
        }

        private void read(Connection connection) throws IOException {
            in.clear();
            int read = connection.channel.read(in);
            if (read < 0) {
                ResponseReader.Response last = connection.reader.endOfStream();
                close(connection);
                if (last != null) {
                    answered(connection, last);
                } else {
                    failed(connection, "the server closed the connection before answering");
                }
                return;
            }
            in.flip();
            ResponseReader.Response response = connection.reader.feed(in);
            if (response != null) {
                if (response.close() || in.hasRemaining()) {
                    // bytes after a complete answer we did not ask for: start afresh rather than misread them
                    close(connection);
                }
                answered(connection, response);
            }
        }

        private void answered(Connection connection, ResponseReader.Response response) {
            long now = System.nanoTime();
            samples[count++] = now - connection.sentAt;
            lastAnswer = now;
            if (!plan.verdict().ok(response.status(), response.body())) {
                noteFailure(response.status() + " " + new String(response.body(), 0,
                        Math.min(200, response.body().length), StandardCharsets.UTF_8));
            }
            next(connection);
        }

        private void failed(Connection connection, String why) {
            long now = System.nanoTime();
            samples[count++] = now - Math.max(connection.sentAt, connection.takenAt);
            lastAnswer = now;
            noteFailure(why);
            close(connection);
            next(connection);
        }

        private void noteFailure(String what) {
            errors++;
            if (firstFailure.isEmpty()) {
                firstFailure = what;
            }
        }

        /** Fails requests that have waited longer than {@link #REQUEST_TIMEOUT}; their connection starts afresh. */
        private void expire() {
            long now = System.nanoTime();
            for (Connection connection : connections) {
                if (connection.index >= 0 && now - connection.takenAt > REQUEST_TIMEOUT.toNanos()) {
                    failed(connection, "no answer within " + REQUEST_TIMEOUT.toSeconds() + " s");
                }
            }
        }

        private void close(Connection connection) {
            if (connection.channel != null) {
                try {
                    connection.channel.close();
                } catch (IOException ignored) {
                    // closing a connection we are done with; nothing left to save
                }
            }
            connection.channel = null;
            connection.key = null;
            connection.reader.endOfStream();
        }
    }
}
