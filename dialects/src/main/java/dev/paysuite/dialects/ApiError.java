package dev.paysuite.dialects;

/**
 * The canonical error object's fields ({@code {"error": {type, code, message, param}}}), which a
 * dialect rewrites in its own shape. {@code param} may be null.
 */
public record ApiError(String type, String code, String message, String param) {
}
