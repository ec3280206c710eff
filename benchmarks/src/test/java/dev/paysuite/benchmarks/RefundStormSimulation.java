package dev.paysuite.benchmarks;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ScenarioBuilder;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * Refunds only, meant for a suite of two refunds-service instances ({@code REFUNDS_INSTANCES=2
 * bin/run}; the gateway spreads refunds over them): {@code bench.payments} (50) payments of
 * 100,000,000 are made first, then every user refunds 1 of a random one of them, so many refunds of
 * one payment are in flight at once on both instances.
 */
public class RefundStormSimulation extends BenchSimulation {
    private final String key = Bench.merchantKey("refund-storm");
    private final List<String> payments = new ArrayList<>();

    {
        int count = Bench.intProperty("bench.payments", 50);
        for (int i = 0; i < count; i++) {
            payments.add(Bench.createPayment(key, 100_000_000L));
        }
    }

    private final Iterator<Map<String, Object>> anyPayment = Stream.generate(
            () -> Map.<String, Object>of("payment", payments.get(ThreadLocalRandom.current().nextInt(payments.size()))))
            .iterator();

    private final ScenarioBuilder storm = scenario("refund storm")
            .feed(anyPayment)
            .exec(http("refund").post("/v1/payments/#{payment}/refunds")
                    .header("Authorization", "Bearer " + key)
                    .header("Idempotency-Key", session -> Bench.idempotencyKey())
                    .body(StringBody("{\"amount\": 1}"))
                    .check(status().is(200)));

    {
        setUp(storm.injectOpen(constantUsersPerSec(Bench.rate()).during(Bench.duration()))).protocols(Bench.protocol());
    }
}
