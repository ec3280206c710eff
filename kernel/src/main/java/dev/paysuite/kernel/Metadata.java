package dev.paysuite.kernel;

import dev.paysuite.kernel.error.DomainException;
import dev.paysuite.kernel.error.ErrorCodes;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Up to 50 string pairs the merchant attaches to an object; echoed back, never interpreted. A value
 * that breaks the rules is named {@code metadata.<key>}.
 */
public record Metadata(Map<String, String> values) {
    public static final String FIELD = "metadata";
    public static final int MAX_KEYS = 50;
    public static final int MAX_KEY_LENGTH = 40;
    public static final int MAX_VALUE_LENGTH = 500;
    public static final Metadata EMPTY = new Metadata(Map.of());

    public Metadata {
        values = values == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(values));
        if (values.size() > MAX_KEYS) {
            throw invalid("Metadata can have at most " + MAX_KEYS + " keys.", FIELD);
        }
        for (Map.Entry<String, String> e : values.entrySet()) {
            String key = e.getKey();
            if (key == null || key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
                throw invalid("Metadata keys must be 1 to " + MAX_KEY_LENGTH + " characters.", FIELD);
            }
            if (e.getValue() == null) {
                throw invalid("Metadata values must be strings.", FIELD + "." + key);
            }
            if (e.getValue().length() > MAX_VALUE_LENGTH) {
                throw invalid("Metadata values can be at most " + MAX_VALUE_LENGTH + " characters.",
                        FIELD + "." + key);
            }
        }
    }

    public static Metadata of(Map<String, String> values) {
        return values == null || values.isEmpty() ? EMPTY : new Metadata(values);
    }

    private static DomainException invalid(String message, String field) {
        return DomainException.invalid(ErrorCodes.METADATA_INVALID, message, field);
    }
}
