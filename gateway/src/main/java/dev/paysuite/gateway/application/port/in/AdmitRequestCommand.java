package dev.paysuite.gateway.application.port.in;

import java.util.Objects;

/**
 * A request at the edge, as far as admission cares.
 *
 * @param authorization the Authorization header, null when there is none
 * @param clientAddress the client's IP address (the peer's, or the one a trusted proxy forwarded for), which
 *     requests that fail to authenticate are counted against
 */
public record AdmitRequestCommand(String authorization, String clientAddress) {
    public AdmitRequestCommand {
        Objects.requireNonNull(clientAddress, "clientAddress");
        if (clientAddress.isBlank()) {
            throw new IllegalArgumentException("A request always has a client address");
        }
    }

    /** The header may hold a valid secret key: it never prints. */
    @Override
    public String toString() {
        return "AdmitRequestCommand[authorization=" + (authorization == null ? "none" : "<redacted>")
                + ", clientAddress=" + clientAddress + "]";
    }
}
