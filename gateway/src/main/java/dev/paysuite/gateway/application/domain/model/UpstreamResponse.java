package dev.paysuite.gateway.application.domain.model;

import java.util.List;
import java.util.Map;

public record UpstreamResponse(int status, Map<String, List<String>> headers, byte[] body) {
    public UpstreamResponse {
        headers = Map.copyOf(headers);
        body = body == null ? new byte[0] : body;
    }
}
