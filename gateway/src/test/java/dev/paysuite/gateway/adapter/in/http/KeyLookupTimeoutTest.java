package dev.paysuite.gateway.adapter.in.http;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.paysuite.gateway.testing.Clients;
import dev.paysuite.gateway.testing.StubUpstream;
import dev.paysuite.gateway.testing.TestKeys;
import dev.paysuite.gateway.testing.TestKeys.TestKey;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * A database that is up but does not answer: the test holds a lock every read of {@code api_keys}
 * waits for, so the gateway's key lookup hangs for as long as the test wants. The gateway gives up
 * after {@code key-lookup-timeout} and answers 503 instead of keeping the client waiting (should it
 * hang, the client's own timeout in {@link Clients} fails the test rather than the build hanging).
 */
@QuarkusTest
class KeyLookupTimeoutTest {
    static final String ADDRESS = Clients.newLoopbackAddress();

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aKeyTheDatabaseDoesNotLookUpInTimeIsAnswered503AndWorksOnceTheDatabaseAnswers() throws Exception {
        TestKey key = new TestKeys(dataSource).create(); // never looked up yet, so not cached
        try (Connection locker = dataSource.getConnection()) {
            locker.setAutoCommit(false);
            try (Statement lock = locker.createStatement()) {
                lock.execute("LOCK TABLE api_keys IN ACCESS EXCLUSIVE MODE");
            }
            try {
                Response r = Clients.from(ADDRESS).header("Authorization", key.bearer()).get("/v1/payments");
                r.then().statusCode(503)
                        .contentType(ContentType.JSON)
                        .body("error.type", equalTo("api_error"))
                        .body("error.code", equalTo("service_unavailable"))
                        .header("Retry-After", "1")
                        .header("X-RateLimit-Limit", "100")
                        .header("X-RateLimit-Remaining", "100");
                assertFalse(StubUpstream.wasForwarded(r.header("Request-Id")));
            } finally {
                locker.rollback();
            }
        }
        Clients.from(ADDRESS).header("Authorization", key.bearer()).get("/v1/payments").then().statusCode(201);
    }
}
