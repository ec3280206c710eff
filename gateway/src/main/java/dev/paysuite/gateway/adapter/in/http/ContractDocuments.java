package dev.paysuite.gateway.adapter.in.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The published contracts the gateway serves to anyone, without an API key: {@code /asyncapi}, the
 * AsyncAPI document of the Kafka topics partners may consume directly. Routed before the API, so
 * it never counts against a merchant's rate limit.
 */
@ApplicationScoped
public class ContractDocuments {
    static final String ASYNCAPI_PATH = "/asyncapi";
    private final Buffer asyncApi = Buffer.buffer(read("asyncapi.yaml"));

    void register(@Observes Router router) {
        router.get(ASYNCAPI_PATH).order(0).handler(this::asyncApi);
    }

    private void asyncApi(RoutingContext ctx) {
        ctx.response().putHeader("Content-Type", "application/yaml; charset=utf-8")
                .putHeader("Cache-Control", "public, max-age=300")
                .putHeader(io.vertx.core.http.HttpHeaders.CONTENT_LENGTH, String.valueOf(asyncApi.length()))
                .end(asyncApi);
    }

    private static byte[] read(String name) {
        try (InputStream in = ContractDocuments.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the gateway's resources");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
