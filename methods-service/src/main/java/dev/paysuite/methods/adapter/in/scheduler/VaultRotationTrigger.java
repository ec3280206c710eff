package dev.paysuite.methods.adapter.in.scheduler;

import io.quarkus.vertx.http.ManagementInterface;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * The operator's key-rotation command: {@code POST /q/vault/rotate} on the management interface
 * (the port of {@code /q/health} and {@code /q/metrics}, which the gateway never routes) runs one
 * rotation pass now, the scheduled job's own ({@link VaultRotationJob#pass()}), and answers
 * {@code {"resealed": N, "remaining_on_old_keys": M}}. Call it again while M is above 0. Instances
 * share the records ({@code FOR UPDATE SKIP LOCKED}), so a pass beside the scheduled one is safe.
 * <p>
 * Only where the management interface is enabled (every profile but {@code test}, where a test
 * profile enables it).
 */
@ApplicationScoped
public class VaultRotationTrigger {
    public static final String PATH = "/q/vault/rotate";
    private static final Logger LOG = Logger.getLogger(VaultRotationTrigger.class);
    private final VaultRotationJob job;

    public VaultRotationTrigger(VaultRotationJob job) {
        this.job = job;
    }

    void register(@Observes ManagementInterface management) {
        management.router().post(PATH).blockingHandler(this::rotate, false);
    }

    void rotate(RoutingContext context) {
        JsonObject body;
        int status;
        try {
            int resealed = job.pass();
            body = new JsonObject().put("resealed", resealed).put("remaining_on_old_keys", job.remaining());
            status = 200;
        } catch (RuntimeException failed) {
            // A record whose key left the configuration: the message names the key id, never a key
            LOG.errorf(failed, "Key rotation requested on %s failed", PATH);
            body = new JsonObject().put("error", new JsonObject().put("type", "api_error")
                    .put("code", "internal_error").put("message", "Key rotation failed: " + failed.getMessage()));
            status = 500;
        }
        context.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.encode());
    }
}
