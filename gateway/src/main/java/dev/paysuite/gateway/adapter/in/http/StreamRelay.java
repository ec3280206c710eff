package dev.paysuite.gateway.adapter.in.http;

import dev.paysuite.gateway.application.domain.model.StreamedBody;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import org.jboss.logging.Logger;

/**
 * Relays a service's streamed body to the client as it arrives: each chunk is written (and so
 * flushed) at once, never gathered. When the client's connection cannot take more, the service is
 * paused until it drains, so a slow reader holds the service back instead of filling the gateway's
 * memory. Both sides end together: the service ending ends the answer, the service failing breaks
 * it off (a truncated stream must not look complete), and the client going away cancels the body, so
 * the service sees its stream closed. Everything runs on the request's context, whatever thread
 * the body calls from.
 */
final class StreamRelay implements StreamedBody.Sink {
    private static final Logger LOG = Logger.getLogger(StreamRelay.class);

    private final HttpServerRequest request;
    private final HttpServerResponse response;
    private final StreamedBody body;
    private final Context context;
    private final String requestId;
    /** Touched on {@link #context} only: once true, nothing more is written and nothing cancelled. */
    private boolean finished;

    StreamRelay(HttpServerRequest request, StreamedBody body, Context context, String requestId) {
        this.request = request;
        this.response = request.response();
        this.body = body;
        this.context = context;
        this.requestId = requestId;
    }

    @Override
    public void chunk(byte[] bytes) {
        onContext(() -> {
            if (finished) {
                return;
            }
            try {
                response.write(Buffer.buffer(bytes));
            } catch (IllegalStateException closed) {
                clientGone();
                return;
            }
            if (response.writeQueueFull()) {
                body.pause();
                response.drainHandler(drained -> {
                    if (!finished) {
                        body.resume();
                    }
                });
            }
        });
    }

    @Override
    public void end() {
        onContext(() -> {
            if (!finished) {
                finished = true;
                response.end();
            }
        });
    }

    @Override
    public void failed(Throwable cause) {
        onContext(() -> {
            if (!finished) {
                finished = true;
                LOG.debugf("Request %s: the service's stream broke off (%s)", requestId, cause.toString());
                abort();
            }
        });
    }

    /** The client's answer ended or its connection closed: unless the stream finished first, the service is let go. */
    void clientGone() {
        onContext(() -> {
            if (!finished) {
                finished = true;
                body.cancel();
            }
        });
    }

    /**
     * Breaks the answer off so the client sees it incomplete: HTTP/2 resets the stream; HTTP/1.1 has
     * nothing but closing the connection. Not {@code reset()} there: on HTTP/1.1 it marks the answer
     * closed before the connection is, so its end and close handlers never run, and the request
     * would never be logged nor counted done (a graceful shutdown would wait for it in vain).
     */
    private void abort() {
        if (request.version() == HttpVersion.HTTP_2) {
            response.reset();
        } else {
            request.connection().close();
        }
    }

    private void onContext(Runnable action) {
        if (Vertx.currentContext() == context) {
            action.run();
        } else {
            context.runOnContext(v -> action.run());
        }
    }
}
