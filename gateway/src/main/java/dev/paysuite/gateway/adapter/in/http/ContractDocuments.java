package dev.paysuite.gateway.adapter.in.http;

import dev.paysuite.dialects.Dialect;
import dev.paysuite.dialects.Dialects;
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
 * AsyncAPI document of the Kafka topics partners may consume directly, and each seed dialect's
 * OpenAPI document at {@code <base path>/openapi.json}. Routed before the API, so they never count
 * against a merchant's rate limit.
 */
@ApplicationScoped
public class ContractDocuments {
    static final String ASYNCAPI_PATH = "/asyncapi";
    static final String OPENAPI = "/openapi.json";
    private final Buffer asyncApi = Buffer.buffer(read("asyncapi.yaml"));

    void register(@Observes Router router) {
        router.get(ASYNCAPI_PATH).order(0).handler(this::asyncApi);
        for (Dialect dialect : Dialects.all()) {
            Buffer document = Buffer.buffer(dialect.openApiDocument());
            router.get(dialect.basePath() + OPENAPI).order(0).handler(ctx -> serve(ctx, "application/json", document));
        }
    }

    private static void serve(RoutingContext ctx, String type, Buffer document) {
        ctx.response().putHeader("Content-Type", type)
                .putHeader("Cache-Control", "public, max-age=300")
                .putHeader(io.vertx.core.http.HttpHeaders.CONTENT_LENGTH, String.valueOf(document.length()))
                .end(document);
    }

    private void asyncApi(RoutingContext ctx) {
        serve(ctx, "application/yaml; charset=utf-8", asyncApi);
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
