package dev.paysuite.gateway.application.domain.model;

import java.util.Objects;

/** A service's answer. */
public record UpstreamResponse(int status, Headers headers, byte[] body) {
    public UpstreamResponse {
        Objects.requireNonNull(headers, "headers");
        body = body == null ? new byte[0] : body;
    }
}
