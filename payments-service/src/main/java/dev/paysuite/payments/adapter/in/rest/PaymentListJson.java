package dev.paysuite.payments.adapter.in.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.paysuite.payments.adapter.json.PaymentJson;
import java.util.List;

@JsonInclude(JsonInclude.Include.ALWAYS)
public record PaymentListJson(String object, String url, List<PaymentJson> data, boolean hasMore, String nextCursor,
        long totalCount) {
}
