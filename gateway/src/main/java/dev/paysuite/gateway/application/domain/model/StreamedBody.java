package dev.paysuite.gateway.application.domain.model;

/**
 * The body of an answer passed on as it arrives instead of read whole: a stream of Server-Sent
 * Events may last hours, and each event must reach the client when the service sends it. Plain
 * Java, so that a forwarding result can carry it: the HTTP client behind it is an adapter's, and
 * so is the client connection a {@link Sink} writes to.
 * <p>
 * Nothing flows until {@link #open(Sink)}; until then the service is held back. Whoever opens it
 * owns it and must see it finished: the body {@link Sink#end() ends}, {@link Sink#failed(Throwable)
 * fails}, or is {@link #cancel() cancelled}, which is what frees the connection to the service.
 */
public interface StreamedBody {

    /** Starts the flow into {@code sink}: chunks in order, then one {@code end} or {@code failed}. Once only. */
    void open(Sink sink);

    /** Holds the service back until {@link #resume()}: a slow client slows the stream rather than filling memory. */
    void pause();

    void resume();

    /**
     * Abandons the body (the client went away): the request to the service is reset, so the
     * service sees its stream closed. The sink hears nothing more. Harmless once finished, or twice.
     */
    void cancel();

    /** Where the body goes. Its methods may be called on any thread, one at a time. */
    interface Sink {
        void chunk(byte[] bytes);

        /** The service ended the body: the answer is complete. */
        void end();

        /** The connection to the service failed mid-body: the answer is incomplete and must not look complete. */
        void failed(Throwable cause);
    }
}
