package dev.mayday.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny HTTP/1.1 server on 127.0.0.1 for the load client's tests: it reads each request (head and
 * {@code Content-Length} body) and writes a scripted answer in the pieces given, flushing and pausing between them so
 * they reach the client as separate reads; after an answer it closes the connection when the script says so.
 */
final class ScriptedHttpServer implements AutoCloseable {

    /** The answer to one request: its bytes in pieces, and whether the server closes the connection after it. */
    record Answer(List<byte[]> pieces, boolean closeAfter) {

        static Answer of(String text, int pieceSize, boolean closeAfter) {
            byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
            List<byte[]> pieces = new java.util.ArrayList<>();
            for (int i = 0; i < bytes.length; i += pieceSize) {
                pieces.add(java.util.Arrays.copyOfRange(bytes, i, Math.min(bytes.length, i + pieceSize)));
            }
            return new Answer(pieces, closeAfter);
        }

        /** Closes the connection without answering. */
        static Answer hangUp() {
            return new Answer(List.of(), true);
        }
    }

    @FunctionalInterface
    interface Script {
        Answer answer(int requestNumber, String requestBody);
    }

    private final ServerSocket socket;
    private final Script script;
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger connections = new AtomicInteger();
    private final Thread acceptor;

    ScriptedHttpServer(Script script) throws IOException {
        this.socket = new ServerSocket(0, 64, InetAddress.getLoopbackAddress());
        this.script = script;
        this.acceptor = new Thread(this::accept, "scripted-http-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    InetSocketAddress address() {
        return new InetSocketAddress("127.0.0.1", socket.getLocalPort());
    }

    int connections() {
        return connections.get();
    }

    int requests() {
        return requests.get();
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                connections.incrementAndGet();
                Thread serve = new Thread(() -> serve(client), "scripted-http-" + connections.get());
                serve.setDaemon(true);
                serve.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client; InputStream in = client.getInputStream(); OutputStream out = client.getOutputStream()) {
            client.setTcpNoDelay(true);
            while (true) {
                String body = readRequest(in);
                if (body == null) {
                    return;
                }
                Answer answer = script.answer(requests.getAndIncrement(), body);
                for (byte[] piece : answer.pieces()) {
                    out.write(piece);
                    out.flush();
                    // a pause so the pieces arrive as separate reads; nothing here is timed
                    Thread.sleep(1);
                }
                if (answer.closeAfter()) {
                    return;
                }
            }
        } catch (IOException | InterruptedException e) {
            // the client went away or the test ended
        }
    }

    /** The body of the next request, or null when the client closed the connection. */
    private static String readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int tail = 0;
        while (tail != 0x0D0A0D0A) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            head.write(b);
            tail = tail << 8 | b;
        }
        int length = 0;
        for (String line : head.toString(StandardCharsets.ISO_8859_1).split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(line.indexOf(':') + 1).trim());
            }
        }
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
