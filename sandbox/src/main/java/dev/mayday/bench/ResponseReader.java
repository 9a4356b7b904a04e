package dev.mayday.bench;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Reads one HTTP/1.1 response at a time from bytes as they arrive, cut anywhere: a status line, headers, then a body
 * delimited by {@code Content-Length}, by chunks, or by the server closing the connection. Jetty answers small bodies
 * with a length and streamed ones in chunks, so the load client must follow both to know when an answer is complete.
 */
final class ResponseReader {

    /** A complete answer; {@code close} when the server said it will not take another request on this connection. */
    record Response(int status, byte[] body, boolean close) {
    }

    private enum State { HEAD, FIXED, CHUNK_SIZE, CHUNK_DATA, CHUNK_END, TRAILER, UNTIL_CLOSE }

    /** A header block longer than this is not an HTTP answer we understand; better to fail than to grow forever. */
    private static final int MAX_HEAD = 64 * 1024;
    /** {@code \r\n\r\n} as four bytes in an int. */
    private static final int END_OF_HEAD = 0x0D0A0D0A;

    private final ByteArrayOutputStream head = new ByteArrayOutputStream();
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private final StringBuilder line = new StringBuilder();
    private State state = State.HEAD;
    private long remaining;
    private int tail;
    private int status;
    private boolean close;
    private boolean started;

    /** True once any byte of the current answer has arrived. */
    boolean started() {
        return started;
    }

    /**
     * Takes bytes from {@code in} until the current answer is complete and answers it (the reader is then ready for
     * the next one), or until {@code in} is empty and answers null.
     */
    Response feed(ByteBuffer in) {
        while (in.hasRemaining()) {
            started = true;
            Response done = switch (state) {
                case HEAD -> head(in.get());
                case FIXED, CHUNK_DATA -> copy(in);
                case CHUNK_SIZE, CHUNK_END, TRAILER -> line(in.get());
                case UNTIL_CLOSE -> {
                    body.write(in.get());
                    yield null;
                }
            };
            if (done != null) {
                return done;
            }
        }
        return null;
    }

    /** The server closed the connection: the answer if its end was the close, null if it was cut short. */
    Response endOfStream() {
        Response done = state == State.UNTIL_CLOSE ? finish() : null;
        reset();
        return done;
    }

    private Response head(byte b) {
        head.write(b);
        if (head.size() > MAX_HEAD) {
            throw new IllegalStateException("answer headers longer than " + MAX_HEAD + " bytes");
        }
        // the last four bytes, to spot the blank line that ends the headers without rescanning them
        tail = tail << 8 | (b & 0xff);
        if (tail != END_OF_HEAD) {
            return null;
        }
        return parseHead(head.toString(StandardCharsets.ISO_8859_1));
    }

    private Response parseHead(String text) {
        String[] lines = text.split("\r\n");
        String[] statusLine = lines[0].split(" ", 3);
        if (statusLine.length < 2 || !statusLine[0].startsWith("HTTP/1.")) {
            throw new IllegalStateException("not an HTTP/1.x status line: " + lines[0]);
        }
        status = Integer.parseInt(statusLine[1]);
        boolean http10 = statusLine[0].equals("HTTP/1.0");
        long length = -1;
        boolean chunked = false;
        boolean keepAlive = false;
        close = false;
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = lines[i].substring(colon + 1).trim().toLowerCase(Locale.ROOT);
            switch (name) {
                case "content-length" -> length = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.endsWith("chunked");
                case "connection" -> {
                    close |= value.contains("close");
                    keepAlive |= value.contains("keep-alive");
                }
                default -> {
                    // other headers do not change where the answer ends
                }
            }
        }
        close |= http10 && !keepAlive;
        head.reset();
        tail = 0;
        if (status >= 100 && status < 200) {
            // an interim answer (100 Continue): the real one follows on the same connection
            return null;
        }
        if (status == 204 || status == 304 || length == 0 && !chunked) {
            return finish();
        }
        if (chunked) {
            state = State.CHUNK_SIZE;
        } else if (length > 0) {
            state = State.FIXED;
            remaining = length;
        } else {
            state = State.UNTIL_CLOSE;
            close = true;
        }
        return null;
    }

    private Response copy(ByteBuffer in) {
        int n = (int) Math.min(remaining, in.remaining());
        byte[] chunk = new byte[n];
        in.get(chunk);
        body.write(chunk, 0, n);
        remaining -= n;
        if (remaining > 0) {
            return null;
        }
        if (state == State.FIXED) {
            return finish();
        }
        state = State.CHUNK_END;
        return null;
    }

    private Response line(byte b) {
        if (b != '\n') {
            if (b != '\r') {
                line.append((char) (b & 0xff));
            }
            return null;
        }
        String text = line.toString();
        line.setLength(0);
        switch (state) {
            case CHUNK_SIZE -> {
                int semicolon = text.indexOf(';');
                long size = Long.parseLong((semicolon < 0 ? text : text.substring(0, semicolon)).trim(), 16);
                if (size == 0) {
                    state = State.TRAILER;
                } else {
                    state = State.CHUNK_DATA;
                    remaining = size;
                }
                return null;
            }
            case CHUNK_END -> {
                if (!text.isEmpty()) {
                    throw new IllegalStateException("a chunk did not end where its size said: " + text);
                }
                state = State.CHUNK_SIZE;
                return null;
            }
            default -> {
                // trailer lines end at an empty line, and so does the answer
                return text.isEmpty() ? finish() : null;
            }
        }
    }

    private Response finish() {
        Response done = new Response(status, body.toByteArray(), close);
        reset();
        return done;
    }

    private void reset() {
        head.reset();
        tail = 0;
        body.reset();
        line.setLength(0);
        state = State.HEAD;
        remaining = 0;
        started = false;
    }
}
