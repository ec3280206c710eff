package dev.paysuite.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A known card number and a known bank account number go through every way into the system (a
 * stored card, an inline card payment and its retry, a token exchange, an ACH account, a refund of
 * the card's payment, a rejected duplicate), then every service database, every log file of the
 * suite and every Kafka topic are searched for them in clear: nothing may hold them but the vault's
 * sealed records.
 */
@ExtendWith(Suite.Extension.class)
class CardDataStaysInTheVaultIT {
    /** Used by no other test: a valid visa whose last four are not one of the simulator's outcomes. */
    static final String KNOWN_CARD = "4000000000003220";
    static final String KNOWN_ACCOUNT = "987650001234567";
    static final List<String> SERVICES = List.of("payments", "refunds", "methods", "webhooks", "gateway");

    static RequestSpecification as(String apiKey) {
        return given().baseUri(Suite.GATEWAY).header("Authorization", "Bearer " + apiKey).contentType(ContentType.JSON);
    }

    @Test
    void noDatabaseLogOrTopicEverHoldsACardOrAccountNumber() throws Exception {
        String key = Merchants.create().apiKey();
        String customer = as(key).body("{\"name\": \"Search\"}").post("/v1/customers").then().statusCode(201)
                .extract().path("id");
        String pm = as(key).body("{\"type\": \"card\", \"customer_id\": \"" + customer + "\", \"card\": {\"number\": \""
                + KNOWN_CARD + "\", \"exp_month\": 12, \"exp_year\": 2031, \"cvc\": \"123\"}}").post("/v1/payment_methods")
                .then().statusCode(201).extract().path("id");
        as(key).body("{\"type\": \"ach_debit\", \"customer_id\": \"" + customer + "\", \"ach_debit\": {\"routing_number\":"
                + " \"110000000\", \"account_number\": \"" + KNOWN_ACCOUNT + "\"}}").post("/v1/payment_methods").then()
                .statusCode(201);
        String paid = as(key).body("{\"amount\": 1500, \"currency\": \"USD\", \"payment_method_id\": \"" + pm + "\"}")
                .post("/v1/payments").then().statusCode(201).extract().path("id");
        as(key).body("{\"amount\": 500}").post("/v1/payments/" + paid + "/refunds").then().statusCode(200);
        String inline = "{\"amount\": 1700, \"currency\": \"USD\", \"payment_method\": {\"type\": \"card\", \"card_number\": \""
                + KNOWN_CARD + "\", \"exp_month\": 12, \"exp_year\": 2031, \"cvc\": \"123\"}, \"description\": \"inline\"}";
        String idempotencyKey = "search-" + UUID.randomUUID();
        as(key).header("Idempotency-Key", idempotencyKey).body(inline).post("/v1/payments").then().statusCode(201);
        as(key).header("Idempotency-Key", idempotencyKey).body(inline).post("/v1/payments").then().statusCode(201);
        as(key).body(inline.replace("\"exp_month\": 12", "\"exp_month\": 13")).post("/v1/payments").then().statusCode(400);
        as(key).body("{\"type\": \"card\", \"card\": {\"number\": \"" + KNOWN_CARD + "0\"}}").post("/v1/payment_methods")
                .then().statusCode(400);
        // The third door (issue 13): a card typed on a payment link's public page, paid, refused by the
        // vault (a bad expiry) and declined, through the gateway without a key
        String link = as(key).body("{\"amount\": 1200, \"currency\": \"usd\", \"reusable\": true}")
                .post("/v1/payment_links").then().statusCode(201).extract().path("id");
        for (String form : List.of("exp_month=12&exp_year=2031", "exp_month=13&exp_year=2031")) {
            given().baseUri(Suite.GATEWAY).redirects().follow(false).contentType("application/x-www-form-urlencoded")
                    .body("method=card&card_name=Search&card_number=" + KNOWN_CARD.substring(0, 4) + "+"
                            + KNOWN_CARD.substring(4) + "&" + form + "&cvc=123")
                    .post("/pay/" + link).then().statusCode(org.hamcrest.Matchers.oneOf(303, 400));
        }
        // The fourth door (issue 11): seed 001's inline card at its base path, paid and refused
        String seed001 = Seed001ConformanceIT.CREATE.replace("4111111111111111", KNOWN_CARD);
        given().baseUri(Suite.GATEWAY + "/compat/example/v3").header("Authorization", "Bearer " + key)
                .contentType(ContentType.JSON).body(seed001).post("/payments").then().statusCode(201);
        given().baseUri(Suite.GATEWAY + "/compat/example/v3").header("Authorization", "Bearer " + key)
                .contentType(ContentType.JSON).body(seed001.replace("\"exp_month\": 12", "\"exp_month\": 13"))
                .post("/payments").then().statusCode(400);
        // Give the outbox relays time to publish what these wrote
        Thread.sleep(3000);

        List<String> found = new ArrayList<>();
        for (String secret : List.of(KNOWN_CARD, KNOWN_ACCOUNT)) {
            found.addAll(inDatabases(secret));
            found.addAll(inLogs(secret));
            found.addAll(inTopics(secret));
        }
        assertEquals(List.of(), found, "card or account numbers in clear");
        assertTrue(sealedRecords() > 0, "the vault holds sealed records");
    }

    static List<String> inDatabases(String secret) throws Exception {
        List<String> found = new ArrayList<>();
        for (String service : SERVICES) {
            try (Connection c = DriverManager.getConnection(Suite.jdbc(service), "postgres", "");
                    Statement s = c.createStatement()) {
                List<String> tables = new ArrayList<>();
                try (ResultSet rs = s.executeQuery("SELECT schemaname || '.' || tablename FROM pg_tables"
                        + " WHERE schemaname NOT IN ('pg_catalog', 'information_schema')")) {
                    while (rs.next()) {
                        tables.add(rs.getString(1));
                    }
                }
                for (String table : tables) {
                    try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table + " t WHERE t::text LIKE '%"
                            + secret + "%'")) {
                        rs.next();
                        if (rs.getLong(1) > 0) {
                            found.add(Suite.database(service) + " table " + table);
                        }
                    }
                }
                // Binary columns print as hex above: look into each as bytes too
                List<String[]> binary = new ArrayList<>();
                try (ResultSet rs = s.executeQuery("SELECT table_schema || '.' || table_name, column_name FROM"
                        + " information_schema.columns WHERE data_type = 'bytea'"
                        + " AND table_schema NOT IN ('pg_catalog', 'information_schema')")) {
                    while (rs.next()) {
                        binary.add(new String[] {rs.getString(1), rs.getString(2)});
                    }
                }
                for (String[] column : binary) {
                    try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + column[0] + " WHERE position(convert_to('"
                            + secret + "', 'UTF8') in " + column[1] + ") > 0")) {
                        rs.next();
                        if (rs.getLong(1) > 0) {
                            found.add(Suite.database(service) + " column " + column[0] + "." + column[1]);
                        }
                    }
                }
            }
        }
        return found;
    }

    static List<String> inLogs(String secret) throws Exception {
        List<String> found = new ArrayList<>();
        Path logs = Suite.ROOT.resolve("e2e-tests/target/e2e-logs");
        try (Stream<Path> files = Files.list(logs)) {
            for (Path file : files.toList()) {
                if (new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(secret)) {
                    found.add("log " + file.getFileName());
                }
            }
        }
        return found;
    }

    static List<String> inTopics(String secret) throws Exception {
        Set<String> topics;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, Suite.KAFKA))) {
            topics = admin.listTopics().names().get();
        }
        List<String> found = new ArrayList<>();
        byte[] needle = secret.getBytes(StandardCharsets.UTF_8);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Suite.KAFKA,
                ConsumerConfig.GROUP_ID_CONFIG, "e2e-search-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"), new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.copyOf(topics));
            Instant deadline = Instant.now().plusSeconds(20);
            int quietPolls = 0;
            long read = 0;
            while (Instant.now().isBefore(deadline) && quietPolls < 6) {
                var records = consumer.poll(Duration.ofMillis(500));
                quietPolls = records.isEmpty() ? quietPolls + 1 : 0;
                for (ConsumerRecord<byte[], byte[]> r : records) {
                    read++;
                    if (contains(r.value(), needle) || contains(r.key(), needle)) {
                        found.add("topic " + r.topic() + " offset " + r.offset());
                    }
                    for (var header : r.headers()) {
                        if (contains(header.value(), needle)) {
                            found.add("topic " + r.topic() + " header " + header.key());
                        }
                    }
                }
            }
            assertTrue(read > 0, "the search read the topics");
        }
        return found;
    }

    static boolean contains(byte[] haystack, byte[] needle) {
        return haystack != null && new String(haystack, StandardCharsets.ISO_8859_1)
                .contains(new String(needle, StandardCharsets.ISO_8859_1));
    }

    static long sealedRecords() throws Exception {
        try (Connection c = DriverManager.getConnection(Suite.jdbc("methods"), "postgres", "");
                Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM vault_records")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
