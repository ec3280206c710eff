package dev.paysuite.gateway.application.domain.model;

import java.util.Locale;

/**
 * What a request body may be: JSON in UTF-8, the one format of the API (seed 002). A request that
 * carries a body of any other declared type, or of none, is refused at the edge (415) and never
 * reaches a service; a request without a body (a capture, a cancel) needs no type at all.
 */
public final class RequestBodies {
    private RequestBodies() {
    }

    /**
     * @param declaredLength the Content-Length, or -1 when there is none
     * @param chunked whether the body comes chunked (Transfer-Encoding), its length unknown
     */
    public static boolean carriesBody(long declaredLength, boolean chunked) {
        return declaredLength > 0 || (declaredLength < 0 && chunked);
    }

    /**
     * {@code application/json}, in any letter case, with at most a {@code charset} parameter of
     * UTF-8 (quoted or not): {@code application/json; charset=utf-8}. Not a list of types, not a
     * wildcard, not {@code text/json}, not a JSON-like type of another name.
     */
    public static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String[] parts = contentType.split(";", -1);
        if (!parts[0].strip().toLowerCase(Locale.ROOT).equals("application/json")) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].strip();
            if (parameter.isEmpty() && i == parts.length - 1) {
                continue; // a trailing ';'
            }
            int eq = parameter.indexOf('=');
            if (eq <= 0 || !parameter.substring(0, eq).strip().equalsIgnoreCase("charset")) {
                return false;
            }
            String charset = parameter.substring(eq + 1).strip();
            if (charset.length() >= 2 && charset.startsWith("\"") && charset.endsWith("\"")) {
                charset = charset.substring(1, charset.length() - 1);
            }
            if (!charset.equalsIgnoreCase("utf-8") && !charset.equalsIgnoreCase("utf8")) {
                return false;
            }
        }
        return true;
    }
}
