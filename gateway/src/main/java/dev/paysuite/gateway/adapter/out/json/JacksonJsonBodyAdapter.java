package dev.paysuite.gateway.adapter.out.json;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.paysuite.gateway.application.port.out.JsonBodyPort;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * JSON bodies with Jackson, read as strictly as the services read them (a member given twice, or
 * anything after the value, is no JSON object), numbers kept exactly as given (decimals as
 * {@code BigDecimal}). The body never reaches an exception: a failure to read is an empty answer,
 * and Jackson is told not to quote the source in its messages anyway.
 */
@ApplicationScoped
public class JacksonJsonBodyAdapter implements JsonBodyPort {
    private static final TypeReference<LinkedHashMap<String, Object>> OBJECT = new TypeReference<>() {
    };
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    @Override
    public Optional<Map<String, Object>> readObject(byte[] body) {
        if (body == null || body.length == 0) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(MAPPER.readValue(body, OBJECT));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public byte[] write(Map<String, ?> object) {
        try {
            return MAPPER.writeValueAsBytes(object);
        } catch (JacksonException e) {
            // Not the exception itself: its message may quote a value.
            throw new IllegalStateException("A JSON object could not be written (" + e.getClass().getSimpleName() + ")");
        }
    }
}
