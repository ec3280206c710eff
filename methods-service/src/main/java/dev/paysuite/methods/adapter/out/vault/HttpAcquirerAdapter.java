package dev.paysuite.methods.adapter.out.vault;

import dev.paysuite.kernel.error.DomainException;
import dev.paysuite.methods.application.domain.model.AcquirerAnswer;
import dev.paysuite.methods.application.domain.model.MethodErrorCodes;
import dev.paysuite.methods.application.port.out.AcquirerPort;
import dev.paysuite.methods.config.VaultConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Posts forwarded card data to the acquirers configured by name
 * ({@code paysuite.vault.forwarding.destinations.<name>}); no other URL is ever called. Neither the
 * body sent nor the answer is logged.
 */
@ApplicationScoped
public class HttpAcquirerAdapter implements AcquirerPort {
    private static final Logger LOG = Logger.getLogger(HttpAcquirerAdapter.class);
    private final Map<String, String> destinations;
    private final Duration timeout;
    private final HttpClient http;

    public HttpAcquirerAdapter(VaultConfig config) {
        this.destinations = Map.copyOf(config.forwarding().destinations());
        this.timeout = config.forwarding().timeout();
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public boolean knows(String destination) {
        return destinations.containsKey(destination);
    }

    @Override
    public AcquirerAnswer post(String destination, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(destinations.get(destination))).timeout(timeout)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new AcquirerAnswer(answer.statusCode(), answer.body());
        } catch (IOException e) {
            LOG.warnf("Forwarding to acquirer %s failed: %s", destination, e.getClass().getSimpleName());
            throw new DomainException(DomainException.Kind.UNAVAILABLE, MethodErrorCodes.ACQUIRER_UNAVAILABLE,
                    "Acquirer " + destination + " could not be reached; retry shortly.", null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DomainException(DomainException.Kind.UNAVAILABLE, MethodErrorCodes.ACQUIRER_UNAVAILABLE,
                    "Forwarding to acquirer " + destination + " was interrupted.", null);
        }
    }
}
