package dev.mayday.bench;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** An HTTP/1.1 POST as the bytes a client writes: request line, headers with {@code Content-Length}, body. */
final class RequestBytes {

    private RequestBytes() {
    }

    /** {@code headers} must not hold {@code Host} nor {@code Content-Length}: they are written from the arguments. */
    static byte[] post(String authority, String path, Map<String, String> headers, byte[] body) {
        StringBuilder head = new StringBuilder(256 + headers.size() * 64)
                .append("POST ").append(path).append(" HTTP/1.1\r\n")
                .append("Host: ").append(authority).append("\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(head.length() + body.length);
        bytes.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        bytes.writeBytes(body);
        return bytes.toByteArray();
    }
}
