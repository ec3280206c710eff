package dev.paysuite.gateway.adapter.out.upstream;

import dev.paysuite.gateway.application.domain.model.StreamedBody;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientResponse;

/**
 * A service's streamed answer body, held back (paused) from the moment its headers arrive until
 * the client side opens it, then passed on chunk by chunk. Vert.x wants a response's stream driven
 * from its own context, so whatever thread calls in, the work is done there, where the response's
 * events arrive too: no locks, and nothing reaches the sink after it finished or was cancelled.
 * <p>
 * Cancelling resets the request, which on HTTP/1.1 closes the connection: the service sees its
 * stream end, and the pool gets the slot back. A body that ends normally leaves its connection to
 * the pool like any answer.
 */
final class UpstreamBody implements StreamedBody {
    private final HttpClientResponse response;
    private final Context context;
    /** Touched on {@link #context} only. */
    private Sink sink;
    private Throwable failedBeforeOpen;
    private boolean endedBeforeOpen;
    private boolean finished;

    /** To be made on the response's context, before any of its chunks is handled. */
    UpstreamBody(HttpClientResponse response, Context context) {
        this.response = response;
        this.context = context;
        response.pause();
        response.handler(chunk -> {
            if (sink != null && !finished) {
                sink.chunk(chunk.getBytes());
            }
        });
        response.endHandler(end -> {
            if (finished) {
                return;
            }
            if (sink == null) {
                endedBeforeOpen = true; // a paused response queues its end, but just in case
                return;
            }
            finished = true;
            sink.end();
        });
        // Also while held back: a connection lost before the client side opened the body is told then.
        response.exceptionHandler(failure -> {
            if (finished) {
                return;
            }
            if (sink == null) {
                failedBeforeOpen = failure;
                return;
            }
            finished = true;
            sink.failed(failure);
        });
    }

    @Override
    public void open(Sink sink) {
        onContext(() -> {
            if (this.sink != null) {
                throw new IllegalStateException("The body is already open");
            }
            this.sink = sink;
            if (finished) {
                return; // cancelled first
            }
            if (failedBeforeOpen != null) {
                finished = true;
                sink.failed(failedBeforeOpen);
                return;
            }
            if (endedBeforeOpen) {
                finished = true;
                sink.end();
                return;
            }
            response.resume();
        });
    }

    @Override
    public void pause() {
        onContext(() -> {
            if (!finished) {
                response.pause();
            }
        });
    }

    @Override
    public void resume() {
        onContext(() -> {
            if (!finished) {
                response.resume();
            }
        });
    }

    @Override
    public void cancel() {
        onContext(() -> {
            if (!finished) {
                finished = true;
                response.request().reset();
            }
        });
    }

    private void onContext(Runnable action) {
        if (Vertx.currentContext() == context) {
            action.run();
        } else {
            context.runOnContext(v -> action.run());
        }
    }
}
