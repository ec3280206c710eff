package dev.paysuite.dialects;

/**
 * One request in a dialect, once its method and path are known: the canonical method and path it
 * goes to, then its body and query translated, then the canonical answer translated back.
 */
public interface Exchange {

    /** The canonical method. */
    String method();

    /** The canonical path, such as {@code /v1/payments/pay_1}. */
    String path();

    /**
     * The canonical query and body, or first a canonical resource to read (a decimal refund amount
     * needs its payment's currency).
     *
     * @param query the raw query string as sent, without {@code ?}; null when there is none
     * @param body the body as sent; empty when there is none
     * @throws DialectRefusal when the request cannot be translated (a decimal amount with more
     *     digits than its currency has, an unknown status): a 4xx in the dialect's words
     */
    Translation request(String query, byte[] body);

    /** The canonical service's answer, a success or the error object, in the dialect's words. */
    DialectAnswer answer(int status, byte[] body);
}
