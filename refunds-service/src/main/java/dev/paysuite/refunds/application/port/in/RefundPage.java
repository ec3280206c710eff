package dev.paysuite.refunds.application.port.in;

import dev.paysuite.refunds.application.domain.model.Refund;
import java.util.List;

/** @param nextCursor pass as {@code starting_after} for the next, older page; null when there is none */
public record RefundPage(List<Refund> data, boolean hasMore, String nextCursor, long totalCount) {
    public RefundPage {
        data = List.copyOf(data);
    }
}
