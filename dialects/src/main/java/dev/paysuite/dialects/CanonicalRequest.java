package dev.paysuite.dialects;

/**
 * What goes to the canonical API.
 *
 * @param query the query string, without {@code ?}; null for none
 * @param body the JSON body; empty for none
 */
public record CanonicalRequest(String query, byte[] body) implements Translation {
    public CanonicalRequest {
        body = body == null ? new byte[0] : body;
    }
}
