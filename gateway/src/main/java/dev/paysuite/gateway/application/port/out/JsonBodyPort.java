package dev.paysuite.gateway.application.port.out;

import java.util.Map;
import java.util.Optional;

/** Reads and writes request bodies as JSON objects, for the rules that look inside one (an inline card). */
public interface JsonBodyPort {
    /**
     * The body as a JSON object's members in their order (nested objects as maps, arrays as lists,
     * numbers exactly as given); empty when it is not one JSON object (empty, another JSON value,
     * malformed, a member given twice). Never fails, and never puts the body into an exception.
     */
    Optional<Map<String, Object>> readObject(byte[] body);

    /** The object as JSON. */
    byte[] write(Map<String, ?> object);
}
