package dev.paysuite.benchmarks;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ScenarioBuilder;

/** A payment of 1000, then a partial refund of 300 of it straight after the 201. */
public class CreateAndRefundSimulation extends BenchSimulation {
    private final String key = Bench.merchantKey("create-refund");

    private final ScenarioBuilder createAndRefund = scenario("create + partial refund")
            .exec(http("create payment").post("/v1/payments")
                    .header("Authorization", "Bearer " + key)
                    .header("Idempotency-Key", session -> Bench.idempotencyKey())
                    .body(StringBody(session -> Bench.paymentBody(1000, "benchmark refund")))
                    .check(status().is(201), jsonPath("$.id").saveAs("payment")))
            // a user whose payment failed stops here: its refund or read would only repeat that failure
            .exitHereIfFailed()
            .exec(http("partial refund").post("/v1/payments/#{payment}/refunds")
                    .header("Authorization", "Bearer " + key)
                    .header("Idempotency-Key", session -> Bench.idempotencyKey())
                    .body(StringBody("{\"amount\": 300, \"reason\": \"requested_by_customer\"}"))
                    .check(status().is(200), jsonPath("$.amount").ofInt().is(300)));

    {
        setUp(createAndRefund.injectOpen(constantUsersPerSec(Bench.rate()).during(Bench.duration())))
                .protocols(Bench.protocol());
    }
}
