package dev.paysuite.gateway.application.domain.model;

import java.util.Objects;

/** A request on its way to a service. */
public record UpstreamRequest(String method, String pathAndQuery, Headers headers, byte[] body) {
    public UpstreamRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(pathAndQuery, "pathAndQuery");
        Objects.requireNonNull(headers, "headers");
        body = body == null ? new byte[0] : body;
    }
}
