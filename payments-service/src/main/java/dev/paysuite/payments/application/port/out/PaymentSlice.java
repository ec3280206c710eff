package dev.paysuite.payments.application.port.out;

import dev.paysuite.payments.application.domain.model.Payment;
import java.util.List;

/**
 * @param items newest first, whatever the direction of the page
 * @param hasMore whether more payments lie beyond this page in the direction of pagination
 */
public record PaymentSlice(List<Payment> items, boolean hasMore) {
}
