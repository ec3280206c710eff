package dev.paysuite.platform.idempotency;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An answer as it is kept for an Idempotency-Key and replayed: a status, the headers that belong
 * to it, and the JSON body, as text. Nothing here depends on how the answer is sent.
 */
public record StoredAnswer(int status, Map<String, String> headers, String body) {
    public StoredAnswer {
        headers = Map.copyOf(headers == null ? Map.of() : headers);
        Objects.requireNonNull(body, "body");
    }

    public StoredAnswer withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new StoredAnswer(status, more, body);
    }
}
