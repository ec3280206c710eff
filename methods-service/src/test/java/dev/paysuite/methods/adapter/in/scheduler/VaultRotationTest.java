package dev.paysuite.methods.adapter.in.scheduler;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.paysuite.methods.testing.TestAcquirer;
import dev.paysuite.platform.testing.TestCaller;
import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.common.http.TestHTTPResourceManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import dev.paysuite.methods.adapter.out.vault.AesGcm;
import dev.paysuite.methods.adapter.out.vault.VaultKeys;
import dev.paysuite.methods.application.port.out.VaultPort;
import dev.paysuite.methods.config.VaultConfig;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Key rotation on the real database: with a second key made active, the background job re-seals
 * every record sealed under the first, writes each to the audit log, and every card still opens
 * (forwarded, it is the same number). The other test classes hold both keys with the first active,
 * so they re-seal back: rotation both ways.
 */
@QuarkusTest
@TestProfile(VaultRotationTest.SecondKeyActive.class)
class VaultRotationTest {
    public static class SecondKeyActive implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // The management interface too (off in the test profile), where the operator's trigger lives
            return Map.of("paysuite.vault.active-key", "test2026b", "quarkus.management.enabled", "true",
                    "quarkus.management.test-port", "0");
        }
    }

    @Inject
    AgroalDataSource dataSource;
    @Inject
    VaultConfig config;
    @Inject
    VaultPort vault;
    @Inject
    Scheduler scheduler;

    @Test
    void everyRecordIsResealedUnderTheActiveKeyAndStillOpens() throws Exception {
        // A record sealed under the other key, as one sealed before the rotation began
        VaultKeys ring = new VaultKeys(config.keys(), "dev2026", config.fingerprintKey());
        String id = "vr_rotation" + System.nanoTime();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO vault_records (id, key_id, sealed, created_at) VALUES (?, 'dev2026', ?, now())")) {
            s.setString(1, id);
            s.setBytes(2, AesGcm.seal(ring.active(), id, "4000000000000077"));
            s.executeUpdate();
        }

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> count(
                "SELECT count(*) FROM vault_records WHERE key_id <> 'test2026b'") == 0);
        assertEquals(1, count("SELECT count(*) FROM vault_records WHERE id = '" + id + "' AND rotated_at IS NOT NULL"));
        assertEquals(1, count("SELECT count(*) FROM vault_audit WHERE action = 'rotate' AND vault_record_id = '" + id
                + "' AND reason = 're-sealed from key dev2026 to key test2026b'"));
        assertEquals("4000000000000077", vault.open(id));
        io.restassured.RestAssured.get(TestHTTPResourceManager.getManagementUri() + "/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("paysuite_vault_records_on_old_keys 0.0"));

        TestAcquirer.RECEIVED.clear();
        new TestCaller("mer_demo", "test").internalRequest().body(Map.of("instrument", "pm_test_decline", "destination",
                TestAcquirer.DESTINATION, "reason", "rotation check", "body", "{{card.number}}"))
                .post("/internal/v1/vault/forward").then().statusCode(200).body("status", equalTo(200));
        assertEquals("4000000000000002", TestAcquirer.RECEIVED.get(0));
    }

    @Test
    void anOperatorRunsAPassNowOnTheManagementInterface() throws Exception {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> count(
                "SELECT count(*) FROM vault_records WHERE key_id <> 'test2026b'") == 0);
        // The scheduled job stays out of it, so what the trigger answers is its own work
        scheduler.pause();
        try {
            Thread.sleep(1500); // a run begun before the pause ends (it finds nothing)
            VaultKeys ring = new VaultKeys(config.keys(), "dev2026", config.fingerprintKey());
            String prefix = "vr_trigger" + System.nanoTime() + "_";
            String[] numbers = {"4000000000000077", "4000000000000002", "4242424242424242"};
            try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                    "INSERT INTO vault_records (id, key_id, sealed, created_at) VALUES (?, 'dev2026', ?, now())")) {
                for (int i = 0; i < numbers.length; i++) {
                    s.setString(1, prefix + i);
                    s.setBytes(2, AesGcm.seal(ring.active(), prefix + i, numbers[i]));
                    s.executeUpdate();
                }
            }
            assertEquals(3, count("SELECT count(*) FROM vault_records WHERE key_id <> 'test2026b'"));

            String rotate = TestHTTPResourceManager.getManagementUri() + "/vault/rotate";
            io.restassured.RestAssured.given().post(rotate).then().statusCode(200)
                    .contentType(io.restassured.http.ContentType.JSON)
                    .body("resealed", equalTo(3)).body("remaining_on_old_keys", equalTo(0));
            assertEquals(3, count("SELECT count(*) FROM vault_records WHERE id LIKE '" + prefix
                    + "%' AND key_id = 'test2026b' AND rotated_at IS NOT NULL"));
            assertEquals(3, count("SELECT count(*) FROM vault_audit WHERE action = 'rotate' AND vault_record_id LIKE '"
                    + prefix + "%' AND reason = 're-sealed from key dev2026 to key test2026b'"));
            for (int i = 0; i < numbers.length; i++) {
                assertEquals(numbers[i], vault.open(prefix + i));
            }
            // Nothing left: a second call re-seals nothing
            io.restassured.RestAssured.given().post(rotate).then().statusCode(200)
                    .body("resealed", equalTo(0)).body("remaining_on_old_keys", equalTo(0));
            // Only on the management interface: the API's port (the one the gateway reaches) has no such path
            io.restassured.RestAssured.given().post("/q/vault/rotate").then()
                    .statusCode(org.hamcrest.Matchers.not(equalTo(200)))
                    .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("resealed")));
        } finally {
            scheduler.resume();
        }
    }

    long count(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
