package dev.paysuite.gateway.application.port.in;

import java.util.Objects;

/**
 * A request at the edge, as far as admission cares.
 *
 * @param authorization the Authorization header, null when there is none
 * @param clientAddress the client's IP address (the peer's, or the one a trusted proxy forwarded for), which
 *     requests that fail to authenticate are counted against
 * @param method and {@code path}: what the request does, which decides the scope it needs
 */
public record AdmitRequestCommand(String authorization, String clientAddress, String method, String path) {
    public AdmitRequestCommand {
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
                + ", clientAddress=" + clientAddress + ", method=" + method + ", path=" + path + "]";
    }
}
