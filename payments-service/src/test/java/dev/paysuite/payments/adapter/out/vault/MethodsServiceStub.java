package dev.paysuite.payments.adapter.out.vault;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.paysuite.platform.identity.ServiceTokenVerifier;
import dev.paysuite.platform.testing.TcpProxy;
import io.smallrye.jwt.util.KeyUtils;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.nio.file.Path;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * A STUB of methods-service, for payments-service's tests only: it serves the endpoints payments
 * calls, {@code GET /internal/v1/instruments/{ref}} and {@code GET /internal/v1/customers/{id}}, as
 * methods-service/README.md ("Internal API") pins them, from a fixed table of test methods and tokens
 * and the customers a test put there ({@link #customer}). It is not the vault and
 * stores nothing, but it checks the caller as the vault does: a service token signed with
 * payments-service's key (.local/keys/payments-service-verify.pem) for the internal audience, from
 * which it reads the merchant and the mode; anything else is 401.
 *
 * <p>Started for every {@code @QuarkusTest} of this module ({@link TestResourceScope#GLOBAL}) on a
 * free port behind a {@link TcpProxy}, whose address becomes {@code quarkus.rest-client.methods.url}.
 * Tests can make it fail ({@link #fault}), cut it off ({@link #proxy}) and read what it was sent.
 */
@WithTestResource(value = MethodsServiceStub.class, scope = TestResourceScope.GLOBAL)
public class MethodsServiceStub implements QuarkusTestResourceLifecycleManager {
    static final String PATH = "/internal/v1/instruments/";
    static final String CUSTOMERS_PATH = "/internal/v1/customers/";
    static final String DEMO_MERCHANT = "mer_demo";

    /** What the stub does with the next requests, until reset. */
    enum Fault {
        NONE,
        /** 500 with the error object, as a vault with its database away would. */
        ANSWER_500,
        /** 401, as a vault that does not trust payments-service would. */
        ANSWER_401,
        /** Answers only after {@link #SLOW_MILLIS}, longer than any timeout the tests configure. */
        SLOW
    }

    static final long SLOW_MILLIS = 3000;

    static volatile Fault fault = Fault.NONE;
    static volatile TcpProxy proxy;
    static final AtomicInteger requests = new AtomicInteger();
    static volatile String lastAuthorization;
    /** The verified token of the last request the stub accepted. */
    static volatile JsonWebToken lastToken;
    static volatile String lastRequestId;
    /** Counts resets: a request that outlives a reset (a slow one) records and answers nothing. */
    private static final AtomicInteger GENERATION = new AtomicInteger();
    /** The customers a test put there, by merchant, mode and id: the answer's JSON. */
    private static final Map<String, Map<String, Object>> CUSTOMERS = new ConcurrentHashMap<>();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static volatile ServiceTokenVerifier verifier;
    private static final int TEST_EXPIRY_YEAR = 2034;

    private record Card(String brand, String last4, int expMonth, int expYear) {
    }

    private static final Card VISA = new Card("visa", "4242", 12, TEST_EXPIRY_YEAR);

    /** Test-mode stored methods: seed 002's pm_test_* and this suite's other test cards. */
    private static final Map<String, Card> TEST_METHODS = Map.of(
            "pm_test_success", VISA,
            "pm_test_decline", new Card("visa", "0002", 12, TEST_EXPIRY_YEAR),
            "pm_test_insufficient_funds", new Card("visa", "9995", 12, TEST_EXPIRY_YEAR),
            "pm_test_expired", new Card("visa", "0069", 1, 2020),
            "pm_test_3ds_required", new Card("visa", "3155", 12, TEST_EXPIRY_YEAR),
            "pm_test_refund_failure", new Card("visa", "5126", 12, TEST_EXPIRY_YEAR),
            "pm_test_answer_lost", new Card("visa", "9979", 12, TEST_EXPIRY_YEAR),
            "pm_test_crash_after_charge", new Card("visa", "9987", 12, TEST_EXPIRY_YEAR),
            "pm_test_dispute", new Card("visa", "0259", 12, TEST_EXPIRY_YEAR),
            "pm_test_dispute_product_not_received", new Card("visa", "2685", 12, TEST_EXPIRY_YEAR));

    /** Test-mode wallets: no card, no last four. */
    private static final Map<String, String> TEST_WALLETS = Map.of(
            "pm_test_bitcoin", "bitcoin",
            "pm_test_ethereum", "ethereum");

    private static final Map<String, Card> TEST_TOKENS = Map.of(
            "tok_visa", VISA,
            "tok_mastercard", new Card("mastercard", "4444", 12, TEST_EXPIRY_YEAR),
            "tok_amex", new Card("amex", "8431", 12, TEST_EXPIRY_YEAR),
            "tok_visa_debit", new Card("visa", "5556", 12, TEST_EXPIRY_YEAR),
            "tok_chargeDeclined", new Card("visa", "0002", 12, TEST_EXPIRY_YEAR),
            "tok_chargeDeclinedInsufficientFunds", new Card("visa", "9995", 12, TEST_EXPIRY_YEAR),
            "tok_chargeDeclinedExpiredCard", new Card("visa", "0069", 1, 2020),
            "tok_threeDSecureRequired", new Card("visa", "3155", 12, TEST_EXPIRY_YEAR),
            "tok_refundFailure", new Card("visa", "5126", 12, TEST_EXPIRY_YEAR));

    /** The demo merchant's stored methods (seed 002's examples), its own and no one else's. */
    private static final Map<String, Card> DEMO_METHODS = Map.of("pm_1234567890", VISA, "pm_0987654321", VISA);

    private HttpServer server;
    private ExecutorService executor;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        } catch (IOException e) {
            throw new IllegalStateException("The methods-service stub could not listen", e);
        }
        executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "methods-service-stub");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        verifier = new ServiceTokenVerifier(Map.of("payments-service", paymentsServiceKey()), Duration.ofSeconds(60),
                Duration.ofSeconds(5));
        server.createContext(PATH, exchange -> serve(exchange, PATH, MethodsServiceStub::lookup,
                "No such payment method or token: '"));
        server.createContext(CUSTOMERS_PATH, exchange -> serve(exchange, CUSTOMERS_PATH,
                (merchant, mode, id) -> CUSTOMERS.get(merchant + "/" + mode + "/" + id), "No such customer: '"));
        server.start();
        reset();
        proxy = TcpProxy.start(0, "127.0.0.1", server.getAddress().getPort());
        return Map.of("quarkus.rest-client.methods.url", "http://127.0.0.1:" + proxy.port());
    }

    @Override
    public void stop() {
        if (proxy != null) {
            proxy.close();
        }
        if (server != null) {
            server.stop(0);
        }
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    /** Back to answering from the table, reachable, with nothing recorded. */
    static void reset() {
        GENERATION.incrementAndGet();
        fault = Fault.NONE;
        requests.set(0);
        lastAuthorization = null;
        lastToken = null;
        lastRequestId = null;
        CUSTOMERS.clear();
        if (proxy != null) {
            proxy.restore();
        }
    }

    /** A customer of the merchant in the mode ("test" or "live"), answered as {@code json} until reset. */
    public static void customer(String merchant, String mode, String id, Map<String, Object> json) {
        CUSTOMERS.put(merchant + "/" + mode + "/" + id, json);
    }

    /** Finds what a path names for the token's merchant and mode; null for the contract's 404. */
    private interface Lookup {
        Map<String, Object> find(String merchant, String mode, String id);
    }

    private static void serve(HttpExchange exchange, String path, Lookup lookup, String missing) throws IOException {
        try (exchange) {
            int generation = GENERATION.get();
            requests.incrementAndGet();
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            lastAuthorization = authorization;
            lastRequestId = exchange.getRequestHeaders().getFirst("Request-Id");
            switch (fault) {
                case ANSWER_500 -> {
                    error(exchange, 500, "api_error", "internal_error", "stubbed failure");
                    return;
                }
                case ANSWER_401 -> {
                    error(exchange, 401, "authentication_error", "authentication_required", "stubbed refusal");
                    return;
                }
                case SLOW -> sleep();
                case NONE -> {
                }
            }
            if (generation != GENERATION.get()) {
                return; // a test that has ended asked for it: the next test must not see it
            }
            if (!"GET".equals(exchange.getRequestMethod())) {
                error(exchange, 405, "invalid_request_error", "method_not_allowed", "GET only");
                return;
            }
            JsonWebToken token = verified(authorization);
            if (token == null || token.getSubject() == null) {
                error(exchange, 401, "authentication_error", "caller_unauthenticated", "no valid service token");
                return;
            }
            lastToken = token;
            String ref = exchange.getRequestURI().getPath().substring(path.length());
            Map<String, Object> found = lookup.find(token.getSubject(), token.getClaim("mode"), ref);
            if (found == null) {
                error(exchange, 404, "invalid_request_error", "resource_missing", missing + ref + "'");
                return;
            }
            send(exchange, 200, found);
        }
    }

    /** The instrument of the contract's answer, or null for its 404. Live mode knows no test alias. */
    private static Map<String, Object> lookup(String merchant, String mode, String ref) {
        if (!"test".equals(mode)) {
            return null;
        }
        String wallet = TEST_WALLETS.get(ref);
        if (wallet != null) {
            return answer(ref, wallet, null);
        }
        Card card = TEST_METHODS.get(ref);
        if (card == null) {
            card = TEST_TOKENS.get(ref);
        }
        if (card == null && ref.startsWith("card_token_")) {
            card = VISA;
        }
        if (card == null && DEMO_MERCHANT.equals(merchant)) {
            card = DEMO_METHODS.get(ref);
        }
        return card == null ? null : answer(ref, "card", card);
    }

    private static Map<String, Object> answer(String ref, String type, Card card) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("object", "instrument");
        json.put("id", ref);
        json.put("type", type);
        json.put("brand", card == null ? null : card.brand());
        json.put("last4", card == null ? null : card.last4());
        json.put("exp_month", card == null ? null : card.expMonth());
        json.put("exp_year", card == null ? null : card.expYear());
        json.put("funding", card == null ? null : "credit");
        json.put("fingerprint", card == null ? null : fingerprint(card));
        return json;
    }

    /** The token of {@code Bearer <jwt>} if it is payments-service's valid service token, else null. */
    private static JsonWebToken verified(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return null;
        }
        return verifier.verify(authorization.substring("Bearer ".length())).orElse(null);
    }

    private static PublicKey paymentsServiceKey() {
        String root = System.getProperty("paysuite.root", Path.of("..").toAbsolutePath().normalize().toString());
        try {
            return KeyUtils.decodePublicKey(KeyUtils.readKeyContent(
                    Path.of(root, ".local", "keys", "payments-service-verify.pem").toString()));
        } catch (Exception e) {
            throw new IllegalStateException("The methods-service stub cannot read payments-service's public key", e);
        }
    }

    private static void error(HttpExchange exchange, int status, String type, String code, String message)
            throws IOException {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("type", type);
        error.put("code", code);
        error.put("message", message);
        error.put("param", null);
        error.put("details", null);
        send(exchange, status, Map.of("error", error));
    }

    private static void send(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(SLOW_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String fingerprint(Card card) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("test-card:" + card.brand() + ":" + card.last4()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
