package dev.paysuite.platform.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paysuite.platform.error.ApiException;
import dev.paysuite.platform.idempotency.StoredAnswer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * Answers of state-changing requests as {@link StoredAnswer}s (what an Idempotency-Key keeps), and
 * back into HTTP responses. Bodies are written with the API's own JSON settings.
 */
@ApplicationScoped
public class Answers {
    private final ObjectMapper mapper;

    public Answers(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public StoredAnswer json(int status, Object body) {
        try {
            return new StoredAnswer(status, Map.of(), mapper.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write the answer", e);
        }
    }

    /** An error object as an answer that is kept (a decline is an answer too, replayed like any other). */
    public StoredAnswer error(ApiException e) {
        return json(e.status(), e.body());
    }

    public static Response toResponse(StoredAnswer answer) {
        Response.ResponseBuilder response = Response.status(answer.status()).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(answer.body());
        answer.headers().forEach(response::header);
        return response.build();
    }
}
