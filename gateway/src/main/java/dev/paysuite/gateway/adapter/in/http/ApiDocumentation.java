package dev.paysuite.gateway.adapter.in.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paysuite.gateway.application.domain.model.Routes;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The public API document and its reader, served to anyone without an API key and never counted
 * against a rate limit: {@code GET /openapi} (JSON; {@code /openapi.json} too), merged once at start
 * from the services' own documents (resources of this module, copied by its build from each
 * service's {@code target/openapi}) and the routing table ({@link PublicApiDocument}); and Swagger UI
 * at {@code /docs}, every asset from this jar (the swagger-ui webjar), none from elsewhere.
 */
@ApplicationScoped
public class ApiDocumentation {
    static final String OPENAPI = "/openapi";
    static final String DOCS = "/docs";
    static final String SERVICE_DOCUMENTS = "openapi/services/";
    /**
     * The services whose builds store a document, by their upstream names in the routing table (the
     * gateway's build copies them: execution openapi-documents of its pom). Each is required.
     */
    static final List<String> DOCUMENTED = List.of("methods", "payments", "refunds", "webhooks");
    private static final String WEBJAR = "META-INF/resources/webjars/swagger-ui/";
    /** Swagger UI's own files the page loads; nothing else of the webjar is served. */
    private static final Map<String, String> UI_ASSETS = Map.of(
            "swagger-ui.css", "text/css; charset=utf-8",
            "swagger-ui-bundle.js", "text/javascript; charset=utf-8",
            "swagger-ui-standalone-preset.js", "text/javascript; charset=utf-8",
            "favicon-32x32.png", "image/png",
            "favicon-16x16.png", "image/png");
    /** The page's scripts and styles are its own files, from here: nothing inline, nothing from elsewhere. */
    private static final String DOCS_POLICY = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; connect-src 'self'; font-src 'self'; frame-ancestors 'none'";

    private final Buffer document;
    private final Map<String, Asset> assets = new LinkedHashMap<>();

    record Asset(String type, Buffer content) {
    }

    public ApiDocumentation(Routes routes, ObjectMapper mapper,
            @ConfigProperty(name = "quarkus.oidc.auth-server-url") String realm) throws IOException {
        Map<String, JsonNode> services = new LinkedHashMap<>();
        for (String service : DOCUMENTED) {
            services.put(service, mapper.readTree(read(SERVICE_DOCUMENTS + service + "/openapi.json")));
        }
        ObjectNode base = (ObjectNode) mapper.readTree(read("openapi/public-base.json"));
        ((ObjectNode) base.path("components").path("securitySchemes").path("keycloak"))
                .put("openIdConnectUrl", realm.replaceAll("/+$", "") + "/.well-known/openid-configuration");
        JsonNode examples = mapper.readTree(read("openapi/seed-002-examples.json"));
        this.document = Buffer.buffer(mapper.writerWithDefaultPrettyPrinter()
                .writeValueAsBytes(PublicApiDocument.merge(base, services, routes, examples)));
        String version = swaggerUiVersion();
        UI_ASSETS.forEach((name, type) -> assets.put(name, new Asset(type, Buffer.buffer(read(WEBJAR + version + "/" + name)))));
        assets.put("index.html", new Asset("text/html; charset=utf-8", Buffer.buffer(read("docs/index.html"))));
        assets.put("docs.js", new Asset("text/javascript; charset=utf-8", Buffer.buffer(read("docs/docs.js"))));
    }

    void register(@Observes Router router) {
        router.get(OPENAPI).order(0).handler(ctx -> serve(ctx, "application/json", document));
        router.get(OPENAPI + ".json").order(0).handler(ctx -> serve(ctx, "application/json", document));
        router.get(DOCS).order(0).handler(ctx -> page(ctx, assets.get("index.html")));
        router.get(DOCS + "/").order(0).handler(ctx -> page(ctx, assets.get("index.html")));
        assets.forEach((name, asset) -> router.get(DOCS + "/" + name).order(0).handler(ctx -> page(ctx, asset)));
    }

    private static void page(RoutingContext ctx, Asset asset) {
        ctx.response().putHeader("Content-Security-Policy", DOCS_POLICY);
        serve(ctx, asset.type(), asset.content());
    }

    private static void serve(RoutingContext ctx, String type, Buffer content) {
        ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, type)
                .putHeader(HttpHeaders.CACHE_CONTROL, "public, max-age=300")
                .putHeader(HttpHeaders.CONTENT_LENGTH, String.valueOf(content.length()))
                .end(content);
    }

    private static String swaggerUiVersion() {
        Properties properties = new Properties();
        try (InputStream in = open("META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("version");
    }

    private static byte[] read(String name) {
        try (InputStream in = open(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream open(String name) {
        InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException(name + " is missing from the gateway's resources"
                    + (name.startsWith(SERVICE_DOCUMENTS) ? ": build the services before the gateway (their Quarkus build "
                            + "stores the document in <service>/target/openapi)" : ""));
        }
        return in;
    }
}
