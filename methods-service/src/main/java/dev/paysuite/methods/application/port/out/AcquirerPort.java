package dev.paysuite.methods.application.port.out;

import dev.paysuite.methods.application.domain.model.AcquirerAnswer;

/** The acquirers card data may be forwarded to, by the names configuration gives them. */
public interface AcquirerPort {
    boolean knows(String destination);

    /** POSTs {@code body} to the destination and returns its answer; throws UNAVAILABLE when it cannot be reached. */
    AcquirerAnswer post(String destination, String body);
}
