package dev.paysuite.gateway.adapter.in.http;

import java.util.regex.Pattern;

/**
 * The route a request path stands for, for the {@code uri} tag of the HTTP metrics: every segment
 * that is not a plain word ({@code payments}, {@code payment_methods}, {@code v1}) is an identifier
 * and becomes {@code {id}}, so {@code /v1/payments/pay_3kTz9/capture} counts as
 * {@code /v1/payments/{id}/capture}. The answers that say no such route exists (404, 405) count as
 * {@code /*} ({@link #UNMATCHED}), so made-up paths cannot grow the number of series.
 */
final class RouteTemplates {
    static final String UNMATCHED = "/*";
    private static final Pattern WORD = Pattern.compile("[a-z]+(_[a-z]+)*|v[0-9]{1,2}|openapi\\.json");
    private static final int MAX_SEGMENTS = 8;
    private static final int MAX_WORD = 32;

    private RouteTemplates() {
    }

    static String of(String path) {
        if (path == null || path.isEmpty() || path.equals("/")) {
            return UNMATCHED;
        }
        String[] segments = path.split("/", -1);
        if (segments.length - 1 > MAX_SEGMENTS) {
            return UNMATCHED;
        }
        StringBuilder template = new StringBuilder();
        for (int i = 1; i < segments.length; i++) {
            String s = segments[i];
            template.append('/');
            if (s.isEmpty()) {
                continue;
            }
            template.append(s.length() <= MAX_WORD && WORD.matcher(s).matches() ? s : "{id}");
        }
        return template.toString();
    }

    /** The template for an answered request: {@link #UNMATCHED} when the answer says there is no such route. */
    static String forAnswer(String template, int status) {
        return status == 404 || status == 405 ? UNMATCHED : template;
    }
}
