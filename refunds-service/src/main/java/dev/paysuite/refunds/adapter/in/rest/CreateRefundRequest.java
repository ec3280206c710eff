package dev.paysuite.refunds.adapter.in.rest;

import java.util.Map;

/**
 * The body of a refund request. {@code payment_id} is read from the body on {@code POST /v1/refunds}
 * and from the path on {@code POST /v1/payments/{id}/refunds}.
 */
public record CreateRefundRequest(String paymentId, Long amount, String currency, String reason,
        Map<String, String> metadata) {
    static final CreateRefundRequest EMPTY = new CreateRefundRequest(null, null, null, null, null);
}
