package dev.paysuite.gateway.application.domain.model;

import java.util.List;
import java.util.Map;

/** A request on its way to a service: the client's request, minus what the gateway replaces. */
public record UpstreamRequest(String method, String pathAndQuery, Map<String, List<String>> headers, byte[] body) {
    public UpstreamRequest {
        headers = Map.copyOf(headers);
        body = body == null ? new byte[0] : body;
    }
}
