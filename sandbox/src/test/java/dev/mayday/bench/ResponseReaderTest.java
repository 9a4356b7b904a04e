package dev.mayday.bench;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResponseReaderTest {

    private final ResponseReader reader = new ResponseReader();

    @Test
    void contentLength_fedOneByteAtATime_answersOnceTheLastByteArrives() {
        byte[] bytes = ascii("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 5\r\n\r\nhello");
        for (int i = 0; i < bytes.length - 1; i++) {
            assertThat(reader.feed(ByteBuffer.wrap(bytes, i, 1))).as("after byte %d", i).isNull();
        }
        ResponseReader.Response response = reader.feed(ByteBuffer.wrap(bytes, bytes.length - 1, 1));

        assertThat(response.status()).isEqualTo(200);
        assertThat(text(response)).isEqualTo("hello");
        assertThat(response.close()).isFalse();
    }

    @Test
    void chunked_withExtensionsAndTrailers_fedOneByteAtATime_joinsTheChunks() {
        byte[] bytes = ascii("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5\r\nhello\r\nA;name=value\r\n, chunked!\r\n0\r\nX-Trailer: yes\r\n\r\n");
        ResponseReader.Response response = null;
        for (int i = 0; i < bytes.length; i++) {
            assertThat(response).as("complete before byte %d", i).isNull();
            response = reader.feed(ByteBuffer.wrap(bytes, i, 1));
        }

        assertThat(text(response)).isEqualTo("hello, chunked!");
    }

    @Test
    void twoAnswersInOneRead_stopsAfterTheFirstAndReadsTheSecondFromWhatIsLeft() {
        ByteBuffer both = ByteBuffer.wrap(ascii("HTTP/1.1 404 Not Found\r\nContent-Length: 2\r\n\r\nno"
                + "HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nyes"));

        ResponseReader.Response first = reader.feed(both);
        ResponseReader.Response second = reader.feed(both);

        assertThat(first.status()).isEqualTo(404);
        assertThat(text(first)).isEqualTo("no");
        assertThat(second.status()).isEqualTo(200);
        assertThat(text(second)).isEqualTo("yes");
        assertThat(both.hasRemaining()).isFalse();
    }

    @Test
    void noLengthNorChunks_theBodyEndsWhenTheServerCloses() {
        assertThat(reader.feed(ByteBuffer.wrap(ascii("HTTP/1.1 200 OK\r\n\r\nall of ")))).isNull();
        assertThat(reader.feed(ByteBuffer.wrap(ascii("this")))).isNull();

        ResponseReader.Response response = reader.endOfStream();

        assertThat(text(response)).isEqualTo("all of this");
        assertThat(response.close()).isTrue();
    }

    @Test
    void closeCutsAnAnswerShort_answersNothing() {
        assertThat(reader.feed(ByteBuffer.wrap(ascii("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nhalf")))).isNull();

        assertThat(reader.endOfStream()).isNull();
    }

    @Test
    void connectionClose_andHttp10_sayTheConnectionEnds() {
        ResponseReader.Response closing = reader.feed(ByteBuffer.wrap(ascii(
                "HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Length: 0\r\n\r\n")));
        ResponseReader.Response old = reader.feed(ByteBuffer.wrap(ascii("HTTP/1.0 200 OK\r\nContent-Length: 1\r\n\r\nx")));

        assertThat(closing.status()).isEqualTo(503);
        assertThat(closing.close()).isTrue();
        assertThat(old.close()).isTrue();
    }

    @Test
    void interimContinue_isSkippedForTheRealAnswer() {
        ResponseReader.Response response = reader.feed(ByteBuffer.wrap(ascii(
                "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 202 Accepted\r\nContent-Length: 0\r\n\r\n")));

        assertThat(response.status()).isEqualTo(202);
        assertThat(response.body()).isEmpty();
    }

    @Test
    void notHttp_isRefused() {
        assertThatThrownBy(() -> reader.feed(ByteBuffer.wrap(ascii("SSH-2.0-OpenSSH\r\n\r\n"))))
                .isInstanceOf(IllegalStateException.class);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String text(ResponseReader.Response response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }
}
