package dev.paysuite.refunds.adapter.in.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.paysuite.refunds.adapter.json.RefundJson;
import java.util.List;

@JsonInclude(JsonInclude.Include.ALWAYS)
public record RefundListJson(String object, String url, List<RefundJson> data, boolean hasMore, String nextCursor,
        long totalCount) {
}
