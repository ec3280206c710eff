package dev.paysuite.benchmarks;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ScenarioBuilder;

/** {@code POST /v1/payments}: {@code pm_test_success}, automatic capture, a unique Idempotency-Key each. */
public class CreatePaymentSimulation extends BenchSimulation {
    private final String key = Bench.merchantKey("create-payment");

    private final ScenarioBuilder create = scenario("create payment")
            .exec(http("create payment").post("/v1/payments")
                    .header("Authorization", "Bearer " + key)
                    .header("Idempotency-Key", session -> Bench.idempotencyKey())
                    .body(StringBody(session -> Bench.paymentBody(1000, "benchmark create")))
                    .check(status().is(201), jsonPath("$.status").is("succeeded")));

    {
        setUp(create.injectOpen(constantUsersPerSec(Bench.rate()).during(Bench.duration()))).protocols(Bench.protocol());
    }
}
