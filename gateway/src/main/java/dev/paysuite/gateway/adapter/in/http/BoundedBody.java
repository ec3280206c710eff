package dev.paysuite.gateway.adapter.in.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Consumer;

/**
 * Reads a request body the gateway answers itself (the admin API, the public pages) up to a limit:
 * past it, {@code tooLarge} answers and nothing more is kept; a broken request ends with a bare 400.
 */
final class BoundedBody {
    private BoundedBody() {
    }

    static void read(RoutingContext ctx, int maxBytes, Runnable tooLarge, Consumer<Buffer> then) {
        HttpServerRequest request = ctx.request();
        if (request.isEnded()) {
            then.accept(Buffer.buffer());
            return;
        }
        Buffer body = Buffer.buffer();
        boolean[] refused = {false};
        request.pause();
        request.handler(chunk -> {
            if (refused[0]) {
                return;
            }
            if (body.length() + chunk.length() > maxBytes) {
                refused[0] = true;
                tooLarge.run();
            } else {
                body.appendBuffer(chunk);
            }
        });
        request.exceptionHandler(failure -> {
            if (!ctx.response().ended()) {
                ctx.response().setStatusCode(400).end();
            }
        });
        request.endHandler(end -> {
            if (!refused[0]) {
                then.accept(body);
            }
        });
        request.resume();
    }
}
