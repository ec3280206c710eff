package dev.paysuite.benchmarks;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
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
 * Reads: each user retrieves one of the merchant's payments ({@code GET /v1/payments/{id}}) and
 * lists the newest ten ({@code GET /v1/payments?limit=10}). The payments ({@code bench.payments},
 * 100) are made before the load starts.
 */
public class ListAndRetrieveSimulation extends BenchSimulation {
    private final String key = Bench.merchantKey("list-retrieve");
    private final List<String> payments = new ArrayList<>();

    {
        int count = Bench.intProperty("bench.payments", 100);
        for (int i = 0; i < count; i++) {
            payments.add(Bench.createPayment(key, 1000 + i));
        }
    }

    private final Iterator<Map<String, Object>> anyPayment = Stream.generate(
            () -> Map.<String, Object>of("payment", payments.get(ThreadLocalRandom.current().nextInt(payments.size()))))
            .iterator();

    private final ScenarioBuilder read = scenario("list and retrieve")
            .feed(anyPayment)
            .exec(http("retrieve payment").get("/v1/payments/#{payment}")
                    .header("Authorization", "Bearer " + key)
                    .check(status().is(200), jsonPath("$.id").isEL("#{payment}")))
            .exec(http("list payments").get("/v1/payments?limit=10")
                    .header("Authorization", "Bearer " + key)
                    .check(status().is(200), jsonPath("$.data[9].id").exists()));

    {
        setUp(read.injectOpen(constantUsersPerSec(Bench.rate()).during(Bench.duration()))).protocols(Bench.protocol());
    }
}
