package dev.paysuite.benchmarks;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ScenarioBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/**
 * Payment → signed webhook received: a webhook endpoint for {@code payment.succeeded} points at a
 * {@link WebhookReceiver} in this JVM; each user creates a payment, and the receiver measures from
 * the moment the 201 reached the client to the first verified delivery of that payment's event.
 * At the end it waits up to {@code bench.webhook-drain} (60) seconds for the missing ones, then
 * prints p50, p99 and max and how many never came, and deletes the endpoint.
 */
public class WebhookLatencySimulation extends BenchSimulation {
    private final String key = Bench.merchantKey("webhooks");
    private final WebhookReceiver receiver;
    private final String endpoint;

    {
        try {
            receiver = new WebhookReceiver();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String body = "{\"url\": \"" + receiver.url() + "\", \"enabled_events\": [\"payment.succeeded\"],"
                + " \"description\": \"benchmark receiver\"}";
        var created = Bench.post(Bench.GATEWAY + "/v1/webhook_endpoints", "Bearer " + key, Bench.idempotencyKey(), body,
                201);
        endpoint = created.get("id").asText();
        receiver.secret(created.get("secret").asText());
    }

    private final ScenarioBuilder payAndHear = scenario("payment to webhook")
            .exec(http("create payment").post("/v1/payments")
                    .header("Authorization", "Bearer " + key)
                    .header("Idempotency-Key", session -> Bench.idempotencyKey())
                    .body(StringBody(session -> Bench.paymentBody(1000, "benchmark webhook")))
                    .check(status().is(201),
                            // runs as the answer is checked: the 201 is in the client's hands now
                            jsonPath("$.id").transform(id -> {
                                receiver.answered(id);
                                return id;
                            }).saveAs("payment")));

    {
        setUp(payAndHear.injectOpen(constantUsersPerSec(Bench.rate()).during(Bench.duration()))).protocols(Bench.protocol());
    }

    @Override
    public void after() {
        super.after();
        try {
            long missing = receiver.awaitAll(Bench.intProperty("bench.webhook-drain", 60));
            List<Double> latencies = receiver.latencies();
            String line = String.format(Locale.ROOT,
                    "webhook: %d payments answered 201, %d webhooks received; 201 to receipt p50 %.0f ms, p99 %.0f ms,"
                            + " max %.0f ms; missing %d, duplicates %d, bad signatures %d",
                    receiver.answered(), latencies.size(), percentile(latencies, 50), percentile(latencies, 99),
                    latencies.isEmpty() ? Double.NaN : latencies.get(latencies.size() - 1), missing,
                    receiver.duplicates(), receiver.badSignatures());
            Bench.extra("webhook", line);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            receiver.close();
            // the receiver is gone: a later run must not deliver to it (nor retry it for days)
            Bench.delete(Bench.GATEWAY + "/v1/webhook_endpoints/" + endpoint, "Bearer " + key, 200);
        }
    }

    /** Nearest-rank percentile of sorted values. */
    static double percentile(List<Double> sorted, double p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }
}
