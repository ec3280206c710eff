package dev.paysuite.refunds.application.port.out;

import dev.paysuite.refunds.application.domain.model.Refund;
import java.util.List;

/** @param items newest first; @param hasMore whether more lie beyond in the direction of pagination */
public record RefundSlice(List<Refund> items, boolean hasMore) {
}
