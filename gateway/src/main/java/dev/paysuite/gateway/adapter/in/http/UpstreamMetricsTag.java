package dev.paysuite.gateway.adapter.in.http;

import io.micrometer.core.instrument.Tags;
import io.quarkus.micrometer.runtime.HttpServerMetricsTagsContributor;
import jakarta.inject.Singleton;

/**
 * Tags {@code http_server_requests} with the service a request went to ({@code none} when the gateway
 * answered it itself), so each service's traffic, errors and latency behind the gateway can be told apart.
 */
@Singleton
public class UpstreamMetricsTag implements HttpServerMetricsTagsContributor {
    private static final String UPSTREAM = "paysuite.upstream";
    /** Quarkus's HTTP metrics take the uri tag from here; one value keeps ids in paths out of the tags. */
    private static final String URL_PATH_TEMPLATE = "UrlPathTemplate";

    // io.vertx.core.Context spelled out: this class's own Context is the contributor's.

    static void gatewayRequest(io.vertx.core.Context requestContext) {
        requestContext.putLocal(URL_PATH_TEMPLATE, RouteTemplates.UNMATCHED);
    }

    /** The route the request stands for ({@link RouteTemplates}), once its answer's status is known. */
    static void route(io.vertx.core.Context requestContext, String template) {
        requestContext.putLocal(URL_PATH_TEMPLATE, template);
    }

    static void forwardedTo(io.vertx.core.Context requestContext, String upstream) {
        requestContext.putLocal(UPSTREAM, upstream);
    }

    @Override
    public Tags contribute(HttpServerMetricsTagsContributor.Context context) {
        Object upstream = context.requestContextLocalData(UPSTREAM);
        return Tags.of("upstream", upstream == null ? "none" : upstream.toString());
    }
}
