package dev.paysuite.methods.application.port.out;

/** The acquirers card data may be forwarded to, by the names configuration gives them. */
public interface AcquirerPort {
    boolean knows(String destination);

    /** POSTs {@code body} to the destination and returns its answer; throws UNAVAILABLE when it cannot be reached. */
    Answer post(String destination, String body);

    record Answer(int status, String body) {
    }
}
