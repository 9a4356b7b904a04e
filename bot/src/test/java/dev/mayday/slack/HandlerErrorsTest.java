package dev.mayday.slack;

import com.slack.api.bolt.response.Response;
import dev.mayday.db.StoreException;
import dev.mayday.slack.requests.HandlerErrors;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HandlerErrorsTest {

    private final HandlerErrors errors = new HandlerErrors();

    @Test
    void handlerAnswer_passesThrough() throws Exception {
        Response answer = errors.apply(null, Response.ok(), req -> Response.json(202, "{}"));

        assertThat(answer.getStatusCode()).isEqualTo(202);
    }

    @Test
    void failureOfAHandler_isTheSendersFault_400() throws Exception {
        Response answer = errors.apply(null, Response.ok(), req -> {
            throw new IllegalStateException("payload field has the wrong type");
        });

        assertThat(answer.getStatusCode()).isEqualTo(400);
        assertThat(answer.getBody()).contains("malformed Slack request");
    }

    @Test
    void storeFailure_staysAServerError_forSlackToRetry() {
        assertThatThrownBy(() -> errors.apply(null, Response.ok(), req -> {
            throw new StoreException("database is locked");
        })).isInstanceOf(StoreException.class);
    }
}
