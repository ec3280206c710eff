package dev.paysuite.payments.application.port.in;

import dev.paysuite.payments.application.domain.model.Payment;
import java.util.List;

/**
 * @param hasMore whether more payments follow in the direction of pagination
 * @param nextCursor pass as {@code starting_after} for the next, older page; null when there is none
 * @param totalCount how many payments match the filters, across all pages
 */
public record PaymentPage(List<Payment> data, boolean hasMore, String nextCursor, long totalCount) {
    public PaymentPage {
        data = List.copyOf(data);
    }
}
