package dev.paysuite.benchmarks;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.percent;
import static io.gatling.javaapi.core.CoreDsl.randomSwitch;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ScenarioBuilder;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * Several merchants ({@code bench.merchants}, 5) at once: every user is one of them, picked at
 * random, and creates a payment; then 40 % retrieve it, 25 % list the merchant's newest ten, 20 %
 * refund part of it and 15 % do nothing more.
 */
public class MixedMerchantsSimulation extends BenchSimulation {
    private final List<String> keys = Bench.merchantKeys("mixed", Bench.intProperty("bench.merchants", 5));

    private final Iterator<Map<String, Object>> anyMerchant = Stream.generate(
            () -> Map.<String, Object>of("key", keys.get(ThreadLocalRandom.current().nextInt(keys.size()))))
            .iterator();

    private final ScenarioBuilder mixed = scenario("mixed merchants")
            .feed(anyMerchant)
            .exec(http("create payment").post("/v1/payments")
                    .header("Authorization", "Bearer #{key}")
                    .header("Idempotency-Key", session -> Bench.idempotencyKey())
                    .body(StringBody(session -> Bench.paymentBody(500 + ThreadLocalRandom.current().nextInt(5000),
                            "benchmark mixed")))
                    .check(status().is(201), jsonPath("$.id").saveAs("payment")))
            // a user whose payment failed stops here: its refund or read would only repeat that failure
            .exitHereIfFailed()
            .exec(randomSwitch().on(
                    percent(40.0).then(http("retrieve payment").get("/v1/payments/#{payment}")
                            .header("Authorization", "Bearer #{key}")
                            .check(status().is(200))),
                    percent(25.0).then(http("list payments").get("/v1/payments?limit=10")
                            .header("Authorization", "Bearer #{key}")
                            .check(status().is(200))),
                    percent(20.0).then(http("partial refund").post("/v1/payments/#{payment}/refunds")
                            .header("Authorization", "Bearer #{key}")
                            .header("Idempotency-Key", session -> Bench.idempotencyKey())
                            .body(StringBody("{\"amount\": 100}"))
                            .check(status().is(200)))));

    {
        setUp(mixed.injectOpen(constantUsersPerSec(Bench.rate()).during(Bench.duration()))).protocols(Bench.protocol());
    }
}
