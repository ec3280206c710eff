package dev.paysuite.gateway.application.port.in;

import dev.paysuite.gateway.application.domain.model.ApiSurface;
import java.util.Objects;

/**
 * A request at the edge, as far as admission cares.
 *
 * @param authorization the Authorization header, null when there is none
 * @param clientAddress the client's IP address (the peer's, or the one a trusted proxy forwarded for), which
 *     requests that fail to authenticate are counted against
 * @param method and {@code path}: what the request does, which decides the scope it needs (for a
 *     dialect's request, the canonical method and path it stands for)
 * @param surface the API the request speaks, whose rate-limit counters it is counted in
 */
public record AdmitRequestCommand(String authorization, String clientAddress, String method, String path,
        ApiSurface surface) {
    public AdmitRequestCommand(String authorization, String clientAddress, String method, String path) {
        this(authorization, clientAddress, method, path, ApiSurface.CANONICAL);
    }

    public AdmitRequestCommand {
        Objects.requireNonNull(surface, "surface");
        Objects.requireNonNull(clientAddress, "clientAddress");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        if (clientAddress.isBlank()) {
            throw new IllegalArgumentException("A request always has a client address");
        }
    }

    /** The header may hold a valid secret key: it never prints. */
    @Override
    public String toString() {
        return "AdmitRequestCommand[authorization=" + (authorization == null ? "none" : "<redacted>")
                + ", clientAddress=" + clientAddress + ", method=" + method + ", path=" + path + ", surface=" + surface.name() + "]";
    }
}
