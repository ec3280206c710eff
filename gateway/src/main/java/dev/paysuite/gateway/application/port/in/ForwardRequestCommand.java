package dev.paysuite.gateway.application.port.in;

import dev.paysuite.gateway.application.domain.model.Caller;
import dev.paysuite.gateway.application.domain.model.ClientConnection;
import dev.paysuite.gateway.application.domain.model.Headers;
import java.util.Objects;

/**
 * An admitted request, to be sent to the service its path routes to.
 *
 * @param path the normalized path (dot segments resolved), which is both routed and forwarded
 * @param query the raw query string without '?', null when there is none
 */
public record ForwardRequestCommand(Caller caller, String requestId, String method, String path, String query,
        Headers headers, ClientConnection client, byte[] body) {
    public ForwardRequestCommand {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(client, "client");
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("A path starts with '/'");
        }
        body = body == null ? new byte[0] : body;
    }

    public String pathAndQuery() {
        return query == null || query.isEmpty() ? path : path + "?" + query;
    }
}
