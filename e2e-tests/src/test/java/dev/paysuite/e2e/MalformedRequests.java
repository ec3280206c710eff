package dev.paysuite.e2e;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Makes malformed requests for every endpoint the gateway routes: a valid request of the endpoint,
 * then one to three mutations of its body, path, query, headers, content type or method. Everything
 * comes from one seeded {@link Random}, so a seed always makes the same requests in the same order.
 */
final class MalformedRequests {

    /** Which object a path's id slot names. */
    enum Slot { NONE, PAYMENT, REFUNDABLE_PAYMENT, REFUND, CUSTOMER, DELETABLE_CUSTOMER, METHOD, EVENT, WEBHOOK_ENDPOINT,
        DELETABLE_WEBHOOK_ENDPOINT, ADMIN_MERCHANT, ADMIN_KEY, CHARGE, PAYMENT_LINK, DEACTIVATABLE_PAYMENT_LINK,
        SUBSCRIPTION, TEST_CLOCK, DISPUTE }

    enum Endpoint {
        CREATE_PAYMENT("POST", "/v1/payments", Slot.NONE, true),
        LIST_PAYMENTS("GET", "/v1/payments", Slot.NONE, false),
        RETRIEVE_PAYMENT("GET", "/v1/payments/{id}", Slot.PAYMENT, false),
        CANCEL_PAYMENT("POST", "/v1/payments/{id}/cancel", Slot.PAYMENT, true),
        CAPTURE_PAYMENT("POST", "/v1/payments/{id}/capture", Slot.PAYMENT, true),
        CONFIRM_PAYMENT("POST", "/v1/payments/{id}/confirm", Slot.PAYMENT, false),
        REFUND_PAYMENT("POST", "/v1/payments/{id}/refunds", Slot.REFUNDABLE_PAYMENT, true),
        REFUND_PAYMENT_ALIAS("POST", "/v1/payments/{id}/refund", Slot.REFUNDABLE_PAYMENT, true),
        CREATE_REFUND("POST", "/v1/refunds", Slot.NONE, true),
        RETRIEVE_REFUND("GET", "/v1/refunds/{id}", Slot.REFUND, false),
        LIST_REFUNDS("GET", "/v1/refunds", Slot.NONE, false),
        LIST_PAYMENT_REFUNDS("GET", "/v1/payments/{id}/refunds", Slot.PAYMENT, false),
        CREATE_PAYMENT_INLINE_CARD("POST", "/v1/payments", Slot.NONE, true),
        CREATE_CUSTOMER("POST", "/v1/customers", Slot.NONE, true),
        RETRIEVE_CUSTOMER("GET", "/v1/customers/{id}", Slot.CUSTOMER, false),
        UPDATE_CUSTOMER("POST", "/v1/customers/{id}", Slot.CUSTOMER, true),
        DELETE_CUSTOMER("DELETE", "/v1/customers/{id}", Slot.DELETABLE_CUSTOMER, false),
        LIST_CUSTOMERS("GET", "/v1/customers", Slot.NONE, false),
        LIST_CUSTOMER_METHODS("GET", "/v1/customers/{id}/payment_methods", Slot.CUSTOMER, false),
        CREATE_PAYMENT_METHOD("POST", "/v1/payment_methods", Slot.NONE, true),
        RETRIEVE_PAYMENT_METHOD("GET", "/v1/payment_methods/{id}", Slot.METHOD, false),
        LIST_PAYMENT_METHODS("GET", "/v1/payment_methods", Slot.NONE, false),
        ATTACH_PAYMENT_METHOD("POST", "/v1/payment_methods/{id}/attach", Slot.METHOD, true),
        DETACH_PAYMENT_METHOD("POST", "/v1/payment_methods/{id}/detach", Slot.METHOD, false),
        LIST_EVENTS("GET", "/v1/events", Slot.NONE, false),
        RETRIEVE_EVENT("GET", "/v1/events/{id}", Slot.EVENT, false),
        STREAM_EVENTS("GET", "/v1/events/stream", Slot.NONE, false),
        CREATE_WEBHOOK_ENDPOINT("POST", "/v1/webhook_endpoints", Slot.NONE, true),
        RETRIEVE_WEBHOOK_ENDPOINT("GET", "/v1/webhook_endpoints/{id}", Slot.WEBHOOK_ENDPOINT, false),
        UPDATE_WEBHOOK_ENDPOINT("POST", "/v1/webhook_endpoints/{id}", Slot.WEBHOOK_ENDPOINT, true),
        DELETE_WEBHOOK_ENDPOINT("DELETE", "/v1/webhook_endpoints/{id}", Slot.DELETABLE_WEBHOOK_ENDPOINT, false),
        LIST_WEBHOOK_ENDPOINTS("GET", "/v1/webhook_endpoints", Slot.NONE, false),
        ROLL_WEBHOOK_SECRET("POST", "/v1/webhook_endpoints/{id}/roll_secret", Slot.WEBHOOK_ENDPOINT, false),
        LIST_WEBHOOK_ATTEMPTS("GET", "/v1/webhook_endpoints/{id}/attempts", Slot.WEBHOOK_ENDPOINT, false),
        RESEND_WEBHOOK("POST", "/v1/webhook_endpoints/{id}/resend", Slot.WEBHOOK_ENDPOINT, true),
        RECOVER_WEBHOOKS("POST", "/v1/webhook_endpoints/{id}/recover", Slot.WEBHOOK_ENDPOINT, true),
        CREATE_PAYMENT_LINK("POST", "/v1/payment_links", Slot.NONE, true),
        RETRIEVE_PAYMENT_LINK("GET", "/v1/payment_links/{id}", Slot.PAYMENT_LINK, false),
        LIST_PAYMENT_LINKS("GET", "/v1/payment_links", Slot.NONE, false),
        DEACTIVATE_PAYMENT_LINK("POST", "/v1/payment_links/{id}/deactivate", Slot.DEACTIVATABLE_PAYMENT_LINK, false),
        // Subscriptions and test clocks (issue 14)
        CREATE_SUBSCRIPTION("POST", "/v1/subscriptions", Slot.NONE, true),
        RETRIEVE_SUBSCRIPTION("GET", "/v1/subscriptions/{id}", Slot.SUBSCRIPTION, false),
        LIST_SUBSCRIPTIONS("GET", "/v1/subscriptions", Slot.NONE, false),
        CANCEL_SUBSCRIPTION("POST", "/v1/subscriptions/{id}/cancel", Slot.SUBSCRIPTION, true),
        PAUSE_SUBSCRIPTION("POST", "/v1/subscriptions/{id}/pause", Slot.SUBSCRIPTION, false),
        RESUME_SUBSCRIPTION("POST", "/v1/subscriptions/{id}/resume", Slot.SUBSCRIPTION, false),
        CREATE_TEST_CLOCK("POST", "/v1/test_clocks", Slot.NONE, true),
        RETRIEVE_TEST_CLOCK("GET", "/v1/test_clocks/{id}", Slot.TEST_CLOCK, false),
        LIST_TEST_CLOCKS("GET", "/v1/test_clocks", Slot.NONE, false),
        ADVANCE_TEST_CLOCK("POST", "/v1/test_clocks/{id}/advance", Slot.TEST_CLOCK, true),
        // Disputes (issue 15)
        RETRIEVE_DISPUTE("GET", "/v1/disputes/{id}", Slot.DISPUTE, false),
        LIST_DISPUTES("GET", "/v1/disputes", Slot.NONE, false),
        UPDATE_DISPUTE("POST", "/v1/disputes/{id}", Slot.DISPUTE, true),
        SUBMIT_DISPUTE("POST", "/v1/disputes/{id}/submit", Slot.DISPUTE, true),
        ACCEPT_DISPUTE("POST", "/v1/disputes/{id}/accept", Slot.DISPUTE, false),
        CLOSE_DISPUTE("POST", "/v1/disputes/{id}/close", Slot.DISPUTE, false),
        // The public pages (issue 13): no key, HTML answers
        PAY_PAGE("GET", "/pay/{id}", Slot.PAYMENT_LINK, false),
        PAY_FORM("POST", "/pay/{id}", Slot.PAYMENT_LINK, true),
        PAY_RECEIPT("GET", "/pay/{id}/receipt", Slot.PAYMENT_LINK, false),
        THREE_D_SECURE_CHALLENGE("POST", "/3ds/{id}", Slot.NONE, true),
        ADMIN_CREATE_MERCHANT("POST", "/admin/merchants", Slot.NONE, true),
        ADMIN_RETRIEVE_MERCHANT("GET", "/admin/merchants/{id}", Slot.ADMIN_MERCHANT, false),
        ADMIN_CREATE_KEY("POST", "/admin/merchants/{id}/keys", Slot.ADMIN_MERCHANT, true),
        ADMIN_LIST_KEYS("GET", "/admin/merchants/{id}/keys", Slot.ADMIN_MERCHANT, false),
        ADMIN_ROLL_KEY("POST", "/admin/keys/{id}/roll", Slot.ADMIN_KEY, true),
        ADMIN_REVOKE_KEY("POST", "/admin/keys/{id}/revoke", Slot.ADMIN_KEY, false),
        ADMIN_KEY_LIMITS("POST", "/admin/keys/{id}/limits", Slot.ADMIN_KEY, true),
        ADMIN_LIST_AUDIT_EVENTS("GET", "/admin/audit_events", Slot.NONE, false),
        // The seeds' dialects (issue 11), each at its base path
        EXAMPLE_CREATE_PAYMENT("POST", "/compat/example/v3/payments", Slot.NONE, true),
        EXAMPLE_LIST_PAYMENTS("GET", "/compat/example/v3/payments", Slot.NONE, false),
        EXAMPLE_RETRIEVE_PAYMENT("GET", "/compat/example/v3/payments/{id}", Slot.PAYMENT, false),
        EXAMPLE_REFUND_PAYMENT("POST", "/compat/example/v3/payments/{id}/refunds", Slot.REFUNDABLE_PAYMENT, true),
        EXAMPLE_CREATE_WEBHOOK_ENDPOINT("POST", "/compat/example/v3/webhook_endpoints", Slot.NONE, true),
        AQNT_CREATE_PAYMENT("POST", "/compat/aqnt/v1/payments", Slot.NONE, true),
        AQNT_LIST_PAYMENTS("GET", "/compat/aqnt/v1/payments", Slot.NONE, false),
        AQNT_RETRIEVE_PAYMENT("GET", "/compat/aqnt/v1/payments/{id}", Slot.PAYMENT, false),
        AQNT_REFUND_PAYMENT("POST", "/compat/aqnt/v1/payments/{id}/refunds", Slot.REFUNDABLE_PAYMENT, true),
        AQNT_CREATE_WEBHOOK_ENDPOINT("POST", "/compat/aqnt/v1/payments/webhook_endpoints", Slot.NONE, true),
        PAYMENTPROCESSING_CREATE_PAYMENT("POST", "/compat/paymentprocessing/v1/payments", Slot.NONE, true),
        PAYMENTPROCESSING_RETRIEVE_PAYMENT("GET", "/compat/paymentprocessing/v1/payments/{id}", Slot.PAYMENT, false),
        PAYMENTPROCESSING_CREATE_REFUND("POST", "/compat/paymentprocessing/v1/refunds", Slot.NONE, true),
        PAYMENTPROCESSING_CREATE_WEBHOOK_ENDPOINT("POST", "/compat/paymentprocessing/v1/webhook_endpoints", Slot.NONE,
                true),
        AIKDATA_CREATE_CHARGE("POST", "/compat/aikdata/v1/payments/charge", Slot.NONE, true),
        AIKDATA_RETRIEVE_CHARGE("GET", "/compat/aikdata/v1/payments/charge/{id}", Slot.CHARGE, false),
        AIKDATA_LIST_CHARGES("GET", "/compat/aikdata/v1/payments/charges", Slot.NONE, false),
        AIKDATA_REFUND("POST", "/compat/aikdata/v1/payments/refund", Slot.NONE, true),
        AIKDATA_CREATE_WEBHOOK_ENDPOINT("POST", "/compat/aikdata/v1/payments/webhook_endpoints", Slot.NONE, true),
        UNKNOWN("GET", "/v1/{id}", Slot.NONE, false);

        final String method;
        final String path;
        final Slot slot;
        final boolean hasBody;

        Endpoint(String method, String path, Slot slot, boolean hasBody) {
            this.method = method;
            this.path = path;
            this.slot = slot;
            this.hasBody = hasBody;
        }

        /** The gateway's own admin API: an admin's Keycloak token, not the merchant's key. */
        boolean admin() {
            return path.startsWith("/admin/");
        }

        /** A public page: its answers are HTML pages (a refusal the API's machinery makes is the error object). */
        boolean page() {
            return path.startsWith("/pay/") || path.startsWith("/3ds/");
        }

        /** A seed's dialect: its refusals are in the seed's error shape, not the canonical error object. */
        boolean dialect() {
            return path.startsWith("/compat/");
        }
    }

    /** Objects of the fuzzing merchant that requests name. */
    record Fixtures(String apiKey, List<String> payments, List<String> refundablePayments, List<String> refunds,
            List<String> customers, List<String> deletableCustomers, List<String> methods, List<String> events,
            List<String> webhookEndpoints, List<String> deletableWebhookEndpoints, Supplier<String> adminToken,
            List<String> adminMerchants, List<String> adminKeys, List<String> paymentLinks,
            List<String> deactivatablePaymentLinks, List<String> subscriptions, List<String> testClocks,
            List<String> disputes) {
    }

    /** One request as sent: what it was made from, and the bytes that go out. */
    record Probe(Endpoint endpoint, String method, String target, List<String[]> headers, byte[] body, boolean chunked,
            String mutations) {

        String describe() {
            String heads = headers.stream().map(h -> h[0] + ": " + printable(h[1], 120)).collect(Collectors.joining(" | "));
            String shown = body == null ? "(none)"
                    : printable(new String(body, StandardCharsets.UTF_8), 400) + " (" + body.length + " bytes)";
            return method + " " + printable(target, 400) + "\n    mutations: " + mutations + "\n    headers: " + heads
                    + "\n    body: " + shown + (chunked ? " chunked" : "");
        }
    }

    /**
     * Request lines stay under the HTTP codec's 4 KB limit: Vert.x refuses a longer one itself, with
     * a bare 414 before any application code runs (a protocol limit, not input an endpoint sees).
     */
    private static final int MAX_TARGET = 3900;
    /**
     * Unknown ids that are well formed make refunds-service wait for news of the payment before its
     * 404 (by design, on the routes that refund or list a payment's refunds): not fuzz material.
     */
    private static final Pattern WELL_FORMED_PAYMENT_ID = Pattern.compile("pay_[A-Za-z0-9]{1,36}");
    private static final String ALNUM = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    /** C0 controls, DEL, C1 controls, lone surrogates: what the API must refuse. Tab, LF and CR it keeps. */
    private static final char[] CONTROLS = {
        0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x0E, 0x0F,
        0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x19, 0x1A, 0x1B, 0x1C, 0x1D, 0x1E, 0x1F,
        0x7F, 0x80, 0x85, 0x9F, 0xD800, 0xDBFF, 0xDC00, 0xDFFF };
    private static final List<String> ODD_STRINGS = List.of("\uD83D\uDE00", "\uFEFF", "\uFFFE", "\uFFFF", "\u202Eabc",
            "a\u200Bb", "日本語", "Ünïcödé", "\u0301", "'; DROP TABLE payments; --", "${jndi:ldap://x/y}", "{{7*7}}",
            "../../etc/passwd", "%00", "%", "\\", "\"", "\\u0000", "null", "true", "0", "-1", "<script>", "a&b=c",
            "pay_1234567890abcdef", "USD", "usd", "US", "USDX", "BTC", "succeeded", "pending", " pending ");
    private static final List<String> ODD_JSON = List.of("null", "true", "false", "0", "-1", "1.5", "-0", "1e400",
            "-1e400", "1E2", "99999999999999999999999999", "9223372036854775807", "9223372036854775808",
            "-9223372036854775809", "99999999999", "100000000000", "[]", "{}", "[1,2]", "{\"a\":1}", "[null]", "\"\"",
            "NaN", "Infinity", "0x10", "01", "+1", ".5", "1_000", "'single'", "undefined", "tru", "nul");
    private static final List<String> CONTENT_TYPES = List.of("application/json", "application/json; charset=utf-8",
            "application/json; charset=UTF-8", "application/json;charset=\"utf-8\"", "application/json; charset=latin1",
            "application/json; charset=iso-8859-1", "application/json; charset=utf-16",
            "application/json; charset=utf-32", "application/json; charset=no-such-charset",
            "application/json; charset=", "application/json; charset", "application/json;;", "application/json; q=0.5",
            "APPLICATION/JSON", "application/json-patch+json", "application/vnd.api+json", "application/problem+json",
            "application/*", "*/*", "application/", "/json", "json", ";", "", " ", "text/plain",
            "text/plain; charset=utf-8", "text/json", "application/xml", "text/html",
            "application/x-www-form-urlencoded", "multipart/form-data; boundary=fuzz", "multipart/form-data",
            "application/octet-stream", "image/png", "application/json, text/plain", "application/json\t",
            "application/json; boundary=\"", "application/json; a=\"unterminated");
    private static final List<String> ACCEPTS = List.of("*/*", "application/json", "text/plain", "text/html",
            "application/xml", "application/json;q=0", "*/*;q=0", "image/*", "", ";", "application/",
            "text/event-stream", "application/json, text/plain;q=0.5", "garbage", "*/json");
    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD",
            "TRACE", "PROPFIND", "FOO", "get", "Post");
    private static final List<String> BAD_ESCAPES = List.of("%", "%0", "%zz", "%G0", "%FF", "%C0%80", "%ED%A0%80",
            "%E2%82", "%F8%88%80%80%80", "%00", "%2500", "%u0000", "%%", "%2F", "%5C", "%2e%2e", "%0d%0a", "%09", "%20",
            "%7F", "%C2%85", "%EF%BF%BF", "a|b", "{x}", "^", "\\", "`", "<>", "\"");
    private static final List<String> NUMBERS = List.of("0", "-1", "1", "100", "101", "2147483647", "2147483648",
            "-2147483648", "-2147483649", "99999999999", "999999999999999999999999", "1e3", "0x10", "+5", " 5", "5 ",
            "1.5", "NaN", "-0", "\u0663", "\uFF15", "");
    private static final List<String> TIMES = List.of("-999999999999", "999999999999", "253402300799",
            "253402300800", "-62135596800", "-62135596801", "0", "-1", "1e10", "+999999999-12-31T23:59:59Z",
            "-999999999-01-01T00:00:00Z", "0000-01-01", "0001-01-01", "9999-12-31", "10000-01-01",
            "+10000-01-01T00:00:00Z", "-0001-12-31T00:00:00Z", "2025-13-45", "2025-02-29", "2025-11-06T19:54:00+25:00",
            "2025-11-06T19:54:00+18:00", "2025-11-06T19:54:00-18:00", "2025-11-06T19:54:00Z[UTC]",
            "2025-11-06T19:54:00.1234567891Z", "2025-11-06T19:54:00", "9999-12-31T23:59:59.999999999Z",
            "0001-01-01T00:00:00Z", "0000-12-31T23:59:59Z", "2025-11-06 19:54:00Z");
    private static final List<String> PAYMENT_QUERY = List.of("limit", "offset", "type", "starting_after", "ending_before",
            "status", "customer_id", "created_after", "created_before");
    private static final List<String> REFUND_QUERY = List.of("payment_id", "status", "limit", "offset",
            "starting_after", "ending_before");

    private final Random random;
    private final Fixtures fixtures;
    private final List<String> usedIdempotencyKeys = new ArrayList<>();
    private int authMutationsLeft;

    /** @param authMutations how many requests may carry a broken API key: those count against the address's rate limit */
    MalformedRequests(long seed, Fixtures fixtures, int authMutations) {
        this.random = new Random(seed);
        this.fixtures = fixtures;
        this.authMutationsLeft = authMutations;
    }

    Probe next(Endpoint endpoint) {
        Request r = baseline(endpoint);
        int mutations = 1 + random.nextInt(3);
        for (int i = 0; i < mutations; i++) {
            mutate(r);
        }
        if (endpoint.slot == Slot.REFUNDABLE_PAYMENT && WELL_FORMED_PAYMENT_ID.matcher(r.id).matches()
                && !fixtures.refundablePayments().contains(r.id)) {
            r.id = pick(fixtures.refundablePayments());
        }
        if (endpoint == Endpoint.LIST_PAYMENT_REFUNDS && WELL_FORMED_PAYMENT_ID.matcher(r.id).matches()
                && !fixtures.payments().contains(r.id)) {
            r.id = pick(fixtures.payments()); // the same wait for news, before a 404
        }
        return r.toProbe();
    }

    /** A request as it is being built: each part stays editable until it is rendered. */
    private final class Request {
        final Endpoint endpoint;
        String method;
        String id;
        String rawId; // set when the id segment is already percent-encoded as it should go out
        String pathSuffix = "";
        List<String> query = new ArrayList<>();
        List<String[]> fields; // raw JSON key and raw JSON value, duplicates allowed
        byte[] rawBody; // replaces fields when set
        boolean noBody;
        List<String[]> headers = new ArrayList<>();
        boolean chunked;
        List<String> done = new ArrayList<>();

        Request(Endpoint endpoint) {
            this.endpoint = endpoint;
            this.method = endpoint.method;
        }

        Probe toProbe() {
            String segment = rawId != null ? rawId : id == null ? "" : percent(id);
            int room = MAX_TARGET - (endpoint.path.length() - "{id}".length()) - pathSuffix.length();
            if (segment.length() > room) {
                // an id too long for the request line is cut (at an escape's start, so it stays well formed)
                segment = segment.substring(0, Math.max(0, room));
                int escape = segment.lastIndexOf('%');
                if (escape >= 0 && escape > segment.length() - 3) {
                    segment = segment.substring(0, escape);
                }
            }
            String path = endpoint.path.replace("{id}", segment) + pathSuffix;
            String target = query.isEmpty() ? path : path + "?" + String.join("&", query);
            while (target.length() > MAX_TARGET && !query.isEmpty()) {
                query.remove(query.size() - 1);
                target = query.isEmpty() ? path : path + "?" + String.join("&", query);
            }
            byte[] body = noBody ? null : rawBody != null ? rawBody : fields == null ? null : render(fields);
            return new Probe(endpoint, method, target, headers, body, chunked && body != null, String.join(", ", done));
        }

        void header(String name, String value) {
            headers.removeIf(h -> h[0].equalsIgnoreCase(name));
            if (value != null) {
                headers.add(new String[] {name, value});
            }
        }
    }

    /** Seed 003 names a payment pay_X as the charge ch_X. */
    private static String charge(String payment) {
        return "ch_" + payment.substring(payment.indexOf('_') + 1);
    }

    private Request baseline(Endpoint endpoint) {
        Request r = new Request(endpoint);
        r.header("Authorization", "Bearer " + (endpoint.admin() ? fixtures.adminToken().get() : fixtures.apiKey()));
        r.id = switch (endpoint.slot) {
            case PAYMENT -> pick(fixtures.payments());
            case REFUNDABLE_PAYMENT -> pick(fixtures.refundablePayments());
            case REFUND -> pick(fixtures.refunds());
            case CUSTOMER -> pick(fixtures.customers());
            case DELETABLE_CUSTOMER -> pick(fixtures.deletableCustomers());
            case METHOD -> pick(fixtures.methods());
            case EVENT -> pick(fixtures.events());
            case WEBHOOK_ENDPOINT -> pick(fixtures.webhookEndpoints());
            case DELETABLE_WEBHOOK_ENDPOINT -> pick(fixtures.deletableWebhookEndpoints());
            case ADMIN_MERCHANT -> pick(fixtures.adminMerchants());
            case ADMIN_KEY -> pick(fixtures.adminKeys());
            case CHARGE -> charge(pick(fixtures.payments()));
            case PAYMENT_LINK -> pick(fixtures.paymentLinks());
            case DEACTIVATABLE_PAYMENT_LINK -> pick(fixtures.deactivatablePaymentLinks());
            case SUBSCRIPTION -> pick(fixtures.subscriptions());
            case TEST_CLOCK -> pick(fixtures.testClocks());
            case DISPUTE -> pick(fixtures.disputes());
            case NONE -> endpoint == Endpoint.UNKNOWN ? pick(List.of("nothing", "customers", "charges", "payments_x"))
                    : null;
        };
        if (endpoint.hasBody) {
            r.header("Content-Type", "application/json");
            r.fields = switch (endpoint) {
                case CREATE_PAYMENT -> fields(field("amount", "1000"), field("currency", q("USD")),
                        field("payment_method_id", q("pm_test_success")), field("description", q("Order #1")),
                        field("customer_id", q("cus_fuzz")), field("metadata", "{\"order_id\": \"1\"}"));
                case CREATE_PAYMENT_INLINE_CARD -> fields(field("amount", "1000"), field("currency", q("USD")),
                        field("payment_method", "{\"type\": \"card\", \"card_number\": \"4242424242424242\", "
                                + "\"exp_month\": 12, \"exp_year\": 2031, \"cvc\": \"123\"}"),
                        field("description", q("Order #1")));
                case CREATE_SUBSCRIPTION -> fields(field("customer_id", q(pick(fixtures.customers()))),
                        field("payment_method_id", q("pm_test_success")), field("amount", "700"),
                        field("currency", q("USD")), field("interval", q("month")), field("interval_count", "1"),
                        field("cycles", "3"), field("metadata", "{\"plan\": \"fuzz\"}"));
                case CANCEL_SUBSCRIPTION -> fields(field("at_period_end", "true"));
                case CREATE_TEST_CLOCK -> fields(field("name", q("fuzz")), field("frozen_time", "1900000000"));
                case ADVANCE_TEST_CLOCK -> fields(field("frozen_time", "1900086400"));
                case UPDATE_DISPUTE, SUBMIT_DISPUTE -> fields(field("evidence", "{\"product_description\": \"A mug\", "
                        + "\"shipping_tracking\": \"1Z999\", \"files\": [\"file_invoice\"]}"), field("submit", "false"));
                case CREATE_PAYMENT_LINK -> fields(field("amount", "1000"), field("currency", q("USD")),
                        field("description", q("Fuzz link")), field("reusable", "true"),
                        field("payment_method_types", "[\"card\"]"), field("metadata", "{\"k\": \"v\"}"));
                case CREATE_CUSTOMER, UPDATE_CUSTOMER -> fields(field("email", q("jenny@example.com")),
                        field("name", q("Jenny Rosen")), field("description", q("VIP")),
                        field("metadata", "{\"tier\": \"gold\"}"));
                case CREATE_PAYMENT_METHOD -> fields(field("type", q("card")), field("card",
                        "{\"number\": \"4242424242424242\", \"exp_month\": 12, \"exp_year\": 2031, \"cvc\": \"123\"}"),
                        field("metadata", "{\"k\": \"v\"}"));
                case ATTACH_PAYMENT_METHOD -> fields(field("customer_id", q(pick(fixtures.customers()))));
                case CREATE_WEBHOOK_ENDPOINT, UPDATE_WEBHOOK_ENDPOINT -> fields(
                        field("url", q("http://127.0.0.1:9/hooks")),
                        field("enabled_events", "[\"payment.succeeded\", \"refund.succeeded\"]"),
                        field("description", q("Fuzz")));
                case RESEND_WEBHOOK -> fields(field("event_id", q(pick(fixtures.events()))));
                case RECOVER_WEBHOOKS -> fields(field("since", q("2026-01-01T00:00:00Z")));
                case CANCEL_PAYMENT -> fields(field("reason", q("requested_by_customer")));
                case CAPTURE_PAYMENT -> fields(field("amount_to_capture", "100"));
                case ADMIN_CREATE_MERCHANT -> fields(field("name", q("Fuzz Ltd")));
                case ADMIN_CREATE_KEY -> fields(field("mode", q("test")), field("type", q("restricted")),
                        field("scopes", "[\"payments:read\", \"events:read\"]"),
                        field("rate_limit", "{\"limit\": 100, \"window_seconds\": 60, \"burst\": 20}"));
                case ADMIN_ROLL_KEY -> fields(field("grace_period_seconds", "3600"));
                case ADMIN_KEY_LIMITS -> fields(field("limit", "1000"), field("window_seconds", "60"), field("burst", "100"));
                case CREATE_REFUND -> fields(field("payment_id", q(pick(fixtures.refundablePayments()))),
                        field("amount", "1"), field("reason", q("requested_by_customer")),
                        field("metadata", "{\"k\": \"v\"}"));
                case EXAMPLE_CREATE_PAYMENT -> fields(field("amount", "2500"), field("currency", q("USD")),
                        field("payment_method", "{\"type\": \"card\", \"card_number\": \"4111111111111111\", "
                                + "\"exp_month\": 12, \"exp_year\": 2031, \"cvc\": \"123\"}"),
                        field("description", q("Payment for order #12345")), field("customer_id", q("cust_abc123")));
                case EXAMPLE_REFUND_PAYMENT -> fields(field("amount", "1"), field("reason", q("customer_request")),
                        field("description", q("Refund for returned item")));
                case EXAMPLE_CREATE_WEBHOOK_ENDPOINT -> fields(field("url", q("http://127.0.0.1:9/hooks")),
                        field("events", "[\"payment.completed\", \"refund.created\"]"));
                case AQNT_CREATE_WEBHOOK_ENDPOINT -> fields(field("url", q("http://127.0.0.1:9/hooks")),
                        field("events", "[\"payment.succeeded\", \"payment.cancelled\"]"));
                case PAYMENTPROCESSING_CREATE_WEBHOOK_ENDPOINT -> fields(field("url", q("http://127.0.0.1:9/hooks")),
                        field("events", "[\"payment.succeeded\", \"refund.failed\"]"));
                case AIKDATA_CREATE_WEBHOOK_ENDPOINT -> fields(field("url", q("http://127.0.0.1:9/hooks")));
                case AQNT_CREATE_PAYMENT -> fields(field("amount", "100.00"), field("currency", q("USD")),
                        field("payment_method", q("card")), field("card_token", q("card_token_123")),
                        field("description", q("Payment for invoice #INV-001")));
                case AQNT_REFUND_PAYMENT -> fields(field("amount", "0.01"), field("reason", q("requested_by_customer")));
                case PAYMENTPROCESSING_CREATE_PAYMENT -> fields(field("amount", "100.00"), field("currency", q("USD")),
                        field("source", q("tok_visa")), field("description", q("Payment for order #12345")));
                case AIKDATA_CREATE_CHARGE -> fields(field("amount", "1500"), field("currency", q("USD")),
                        field("description", q("Order #1234")), field("metadata", "{\"order_id\": \"ORD-1234\"}"));
                case AIKDATA_REFUND -> fields(field("charge_id", q(charge(pick(fixtures.refundablePayments())))),
                        field("amount", "1"), field("reason", q("requested_by_customer")),
                        field("metadata", "{\"ticket\": \"SUP-1001\"}"));
                case PAYMENTPROCESSING_CREATE_REFUND -> fields(
                        field("payment_id", q(pick(fixtures.refundablePayments()))), field("amount", "0.01"));
                default -> fields(field("amount", "1"), field("reason", q("requested_by_customer")),
                        field("currency", q("USD")), field("metadata", "{\"k\": \"v\"}"));
            };
        }
        if (endpoint.method.equals("POST") && random.nextBoolean()) {
            r.header("Idempotency-Key", idempotencyKey());
        }
        if (endpoint == Endpoint.PAY_FORM || endpoint == Endpoint.THREE_D_SECURE_CHALLENGE) {
            // a browser's form; the mutations may turn it into anything else
            r.fields = null;
            r.header("Content-Type", "application/x-www-form-urlencoded");
            r.rawBody = (endpoint == Endpoint.PAY_FORM ? pick(List.of(
                    "method=card&card_name=Fuzz&card_number=4242424242424242&exp_month=12&exp_year=2031&cvc=123",
                    "method=card&card_number=4000000000000002&exp_month=12&exp_year=2031&cvc=123",
                    "method=card&card_number=" + percent(nastyString()) + "&exp_month=" + percent(nastyString()),
                    "method=" + percent(nastyString()), "method=bitcoin", "source=tok_visa&method=card"))
                    : "outcome=" + pick(List.of("approve", "fail", percent(nastyString()))))
                    .getBytes(StandardCharsets.UTF_8);
        }
        if (endpoint == Endpoint.THREE_D_SECURE_CHALLENGE) {
            r.id = null;
            r.rawId = pick(List.of("3ds_nothere", "3ds_" + "a".repeat(30), percent(nastyString())));
        }
        if (endpoint == Endpoint.PAY_RECEIPT) {
            r.query.add("payment_id=" + percent(pick(List.of(pick(fixtures.payments()), "pay_nothere", nastyString()))));
        }
        if (endpoint == Endpoint.LIST_PAYMENTS || endpoint == Endpoint.EXAMPLE_LIST_PAYMENTS
                || endpoint == Endpoint.AQNT_LIST_PAYMENTS || endpoint == Endpoint.AIKDATA_LIST_CHARGES
                || endpoint == Endpoint.LIST_REFUNDS || endpoint == Endpoint.LIST_CUSTOMERS
                || endpoint == Endpoint.LIST_PAYMENT_METHODS || endpoint == Endpoint.LIST_EVENTS
                || endpoint == Endpoint.LIST_WEBHOOK_ENDPOINTS || endpoint == Endpoint.ADMIN_LIST_AUDIT_EVENTS
                || endpoint == Endpoint.LIST_PAYMENT_LINKS) {
            r.query.add("limit=" + (1 + random.nextInt(100)));
        }
        if (endpoint == Endpoint.STREAM_EVENTS) {
            if (random.nextBoolean()) {
                r.query.add("types=payment.succeeded,refund.created");
            }
            if (random.nextBoolean()) {
                r.header("Last-Event-ID", pick(fixtures.events()));
            }
        }
        return r;
    }

    private void mutate(Request r) {
        int kinds = 17;
        switch (random.nextInt(kinds)) {
            case 0, 1, 2 -> mutateBody(r);
            case 3, 4 -> mutatePathId(r);
            case 5 -> mutatePathShape(r);
            case 6, 7, 8 -> mutateQuery(r);
            case 9, 10 -> {
                String type = pick(CONTENT_TYPES);
                r.header("Content-Type", random.nextInt(8) == 0 ? null : type);
                if (random.nextInt(6) == 0) {
                    r.headers.add(new String[] {"Content-Type", pick(CONTENT_TYPES)});
                }
                r.done.add("content-type");
                if (type.startsWith("multipart") && random.nextBoolean()) {
                    r.rawBody = ("--fuzz\r\nContent-Disposition: form-data; name=\"amount\"\r\n\r\n1000\r\n--fuzz--\r\n")
                            .getBytes(StandardCharsets.US_ASCII);
                } else if (type.contains("form-urlencoded") && random.nextBoolean()) {
                    r.rawBody = "amount=1000&currency=USD&payment_method_id=pm_test_success".getBytes(StandardCharsets.US_ASCII);
                }
            }
            case 11 -> {
                r.header("Accept", pick(ACCEPTS));
                r.done.add("accept");
            }
            case 12 -> mutateIdempotencyKey(r);
            case 13 -> mutateOtherHeaders(r);
            case 14 -> {
                r.method = pick(METHODS);
                r.done.add("method " + r.method);
            }
            case 15 -> {
                r.chunked = true;
                r.done.add("chunked");
            }
            default -> mutateAuthorization(r);
        }
    }

    private void mutateBody(Request r) {
        if (r.fields == null) {
            r.fields = new ArrayList<>();
            r.header("Content-Type", "application/json");
        }
        switch (random.nextInt(10)) {
            case 0, 1 -> {
                setField(r, pickKey(r), q(nastyString()));
                r.done.add("body string");
            }
            case 2 -> {
                setField(r, pickKey(r), pick(ODD_JSON));
                r.done.add("body type");
            }
            case 3, 4 -> {
                setField(r, "metadata", metadata());
                r.done.add("metadata");
            }
            case 5 -> {
                r.fields.add(new String[] {q(nastyString()), random.nextBoolean() ? q("x") : pick(ODD_JSON)});
                r.done.add("unknown field");
            }
            case 6 -> {
                r.rawBody = wholeBody(r);
                r.done.add("whole body");
            }
            case 7 -> {
                // A control character as a raw byte inside a string: not JSON at all.
                String key = pickKey(r);
                setField(r, key, "\"a" + (char) random.nextInt(0x20) + "b\"");
                r.done.add("raw control byte");
            }
            case 8 -> {
                r.rawBody = reencoded(render(r.fields));
                r.done.add("body encoding");
            }
            default -> {
                String key = pickKey(r);
                r.fields.add(new String[] {q(key), random.nextBoolean() ? q(nastyString()) : pick(ODD_JSON)});
                r.done.add("duplicate key");
            }
        }
    }

    private String pickKey(Request r) {
        List<String> known = List.of("amount", "currency", "payment_method_id", "source", "card_token", "description",
                "customer_id", "metadata", "capture_method", "payment_method", "reason", "amount_to_capture",
                "payment_id");
        if (!r.fields.isEmpty() && random.nextInt(3) > 0) {
            String raw = r.fields.get(random.nextInt(r.fields.size()))[0];
            return raw.substring(1, raw.length() - 1);
        }
        return pick(known);
    }

    private static void setField(Request r, String key, String rawValue) {
        String rawKey = q(key);
        for (String[] f : r.fields) {
            if (f[0].equals(rawKey)) {
                f[1] = rawValue;
                return;
            }
        }
        r.fields.add(new String[] {rawKey, rawValue});
    }

    private String metadata() {
        return switch (random.nextInt(9)) {
            case 0 -> "{" + q(nastyString()) + ": \"v\"}";
            case 1 -> "{\"order_id\": " + q(nastyString()) + "}";
            case 2 -> "{" + q(nastyString()) + ": " + q(nastyString()) + ", \"ok\": \"fine\"}";
            case 3 -> "{\"k\": " + pick(ODD_JSON) + "}";
            case 4 -> pick(ODD_JSON);
            case 5 -> {
                int n = pick(List.of(50, 51, 200));
                StringBuilder many = new StringBuilder("{");
                for (int i = 0; i < n; i++) {
                    many.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":\"v\"");
                }
                yield many.append('}').toString();
            }
            case 6 -> "{" + q("k".repeat(pick(List.of(40, 41, 300, 5000)))) + ": \"v\"}";
            case 7 -> "{\"k\": " + q("v".repeat(pick(List.of(500, 501, 5000, 100_000)))) + "}";
            default -> "{\"nested\": {\"deeper\": {\"k\": \"v\"}}}";
        };
    }

    private byte[] wholeBody(Request r) {
        return switch (random.nextInt(16)) {
            case 0 -> new byte[0];
            case 1 -> "null".getBytes(StandardCharsets.US_ASCII);
            case 2 -> "[]".getBytes(StandardCharsets.US_ASCII);
            case 3 -> "[{\"amount\": 1000}]".getBytes(StandardCharsets.US_ASCII);
            case 4 -> "12345".getBytes(StandardCharsets.US_ASCII);
            case 5 -> "\"a string\"".getBytes(StandardCharsets.US_ASCII);
            case 6 -> "true".getBytes(StandardCharsets.US_ASCII);
            case 7 -> {
                byte[] full = render(r.fields);
                yield java.util.Arrays.copyOf(full, Math.max(0, full.length - 1 - random.nextInt(Math.max(1, full.length))));
            }
            case 8 -> nested(pick(List.of(100, 999, 1001, 5000, 100_000)), random.nextBoolean());
            case 9 -> ("{\"description\": \"" + "d".repeat(pick(List.of(1000, 1001, 900_000, 1_100_000))) + "\"}")
                    .getBytes(StandardCharsets.US_ASCII);
            case 10 -> ("{\"amount\": " + "9".repeat(pick(List.of(19, 999, 1001, 100_000))) + "}")
                    .getBytes(StandardCharsets.US_ASCII);
            case 11 -> "   \n\t ".getBytes(StandardCharsets.US_ASCII);
            case 12 -> {
                byte[] garbage = new byte[1 + random.nextInt(200)];
                random.nextBytes(garbage);
                yield garbage;
            }
            case 13 -> "{\"amount\": 1000} {\"amount\": 2000}".getBytes(StandardCharsets.US_ASCII);
            case 14 -> "<payment><amount>1000</amount></payment>".getBytes(StandardCharsets.US_ASCII);
            default -> "{\"amount\": 1000,}".getBytes(StandardCharsets.US_ASCII);
        };
    }

    private static byte[] nested(int depth, boolean arrays) {
        StringBuilder s = new StringBuilder("{\"metadata\": ");
        for (int i = 0; i < depth; i++) {
            s.append(arrays ? "[" : "{\"a\": ");
        }
        s.append("1");
        for (int i = 0; i < depth; i++) {
            s.append(arrays ? "]" : "}");
        }
        return s.append('}').toString().getBytes(StandardCharsets.US_ASCII);
    }

    private byte[] reencoded(byte[] utf8) {
        String text = new String(utf8, StandardCharsets.UTF_8).replace("Order #1", "Ordér #1 ✓");
        return switch (random.nextInt(5)) {
            case 0 -> text.getBytes(StandardCharsets.UTF_16);
            case 1 -> text.getBytes(StandardCharsets.ISO_8859_1);
            case 2 -> {
                ByteArrayOutputStream bom = new ByteArrayOutputStream();
                bom.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
                bom.writeBytes(text.getBytes(StandardCharsets.UTF_8));
                yield bom.toByteArray();
            }
            case 3 -> text.replace("requested_by_customer", "requested\u0000by").replace("Order", "Or\u0000der")
                    .getBytes(StandardCharsets.UTF_8); // raw NUL bytes inside strings
            default -> {
                // Invalid UTF-8 inside a string value.
                byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                int quote = Math.max(0, new String(bytes, StandardCharsets.ISO_8859_1).lastIndexOf('"'));
                out.write(bytes, 0, quote);
                out.writeBytes(pick(List.of(new byte[] {(byte) 0xFF}, new byte[] {(byte) 0xC0, (byte) 0x80},
                        new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[] {(byte) 0xE2, (byte) 0x82})));
                out.write(bytes, quote, bytes.length - quote);
                yield out.toByteArray();
            }
        };
    }

    private void mutatePathId(Request r) {
        r.done.add("path id");
        switch (random.nextInt(8)) {
            case 0, 1 -> {
                r.id = nastyString();
                r.rawId = null;
                if (r.id.length() > 300) {
                    r.id = r.id.substring(0, 300); // the request line stays under the HTTP codec's 4 KB limit
                }
            }
            case 2 -> r.rawId = "pay_" + pick(BAD_ESCAPES) + "x";
            case 3 -> r.rawId = pick(BAD_ESCAPES);
            case 4 -> r.rawId = "pay_" + "x".repeat(pick(List.of(36, 37, 300, 1000)));
            case 5 -> r.rawId = pick(List.of("", ".", "..", "%2e%2e", "pay_x;a=b", "pay_x%3Bsemi", "%252F",
                    "PAY_1234567890ABCDEF", "pay_", "pay", "pay_x/y", "pay_x%2Fy", "pay_x?", "pay_x%3F%23"));
            case 6 -> r.rawId = pick(fixtures.refunds().isEmpty() ? List.of("ref_x") : fixtures.refunds());
            default -> r.rawId = "pay_" + randomAlnum(24); // well formed, unknown
        }
    }

    private void mutatePathShape(Request r) {
        r.done.add("path shape");
        r.pathSuffix = pick(List.of("/", "//", "/x", "/.", "/..", "/%2e%2e/%2e%2e", "/capture/extra", "%00", "%2F",
                ";x=y", "/refunds/x", "/%00"));
    }

    private void mutateQuery(Request r) {
        r.done.add("query");
        List<String> names = r.endpoint == Endpoint.LIST_REFUNDS || r.endpoint == Endpoint.LIST_PAYMENT_REFUNDS
                ? REFUND_QUERY : PAYMENT_QUERY;
        int n = 1 + random.nextInt(3);
        for (int i = 0; i < n; i++) {
            String name = random.nextInt(10) == 0 ? percent(nastyString()) : pick(names);
            String value = queryValue(name);
            switch (random.nextInt(12)) {
                case 0 -> r.query.add(name);
                case 1 -> r.query.add(name + "=");
                case 2 -> r.query.add("=" + value);
                case 3 -> {
                    r.query.add(name + "=" + value);
                    r.query.add(name + "=" + queryValue(name));
                }
                case 4 -> r.query.add(name + "=" + value + "&&");
                default -> r.query.add(name + "=" + value);
            }
        }
    }

    private String queryValue(String name) {
        return switch (random.nextInt(6)) {
            case 0 -> pick(NUMBERS).replace(" ", "%20");
            case 1 -> percent(pick(TIMES));
            case 2 -> pick(BAD_ESCAPES);
            case 3 -> pick(List.of(pick(fixtures.payments()), pick(fixtures.refunds()), "pay_" + randomAlnum(24),
                    "pay_" + "x".repeat(300), "ref_" + randomAlnum(24)));
            default -> {
                String s = nastyString();
                yield percent(s.length() > 600 ? s.substring(0, 600) : s);
            }
        };
    }

    private void mutateIdempotencyKey(Request r) {
        r.done.add("idempotency-key");
        String key = switch (random.nextInt(8)) {
            case 0 -> "";
            case 1 -> " ";
            case 2 -> "k".repeat(pick(List.of(255, 256, 5000)));
            case 3 -> "caf\u00e9-" + randomAlnum(8); // sent as one ISO-8859-1 byte
            case 4 -> "a b\tc";
            case 5 -> usedIdempotencyKeys.isEmpty() ? idempotencyKey() : pick(usedIdempotencyKeys);
            case 6 -> "\u00ff\u00fe" + randomAlnum(4);
            default -> idempotencyKey();
        };
        r.header("Idempotency-Key", key);
        if (random.nextInt(5) == 0) {
            r.headers.add(new String[] {"Idempotency-Key", idempotencyKey()});
        }
    }

    private void mutateOtherHeaders(Request r) {
        r.done.add("headers");
        String[] header = pick(List.of(
                new String[] {"Content-Encoding", "gzip"},
                new String[] {"Content-Encoding", "br"},
                new String[] {"Expect", "100-continue"},
                new String[] {"Expect", "200-ok"},
                new String[] {"Request-Id", "<script>alert(1)</script>"},
                new String[] {"X-Forwarded-For", "not-an-address, ::1, 999.1.1.1"},
                new String[] {"Forwarded", "for=\"[::1]\";proto=gopher"},
                new String[] {"X-HTTP-Method-Override", "DELETE"},
                new String[] {"Accept-Charset", "utf-16"},
                new String[] {"Accept-Encoding", "gzip, deflate, br, zstd"},
                new String[] {"User-Agent", "x".repeat(3000)},
                new String[] {"X-Nul", "a\u00ffb"},
                new String[] {"Cookie", "session=%00; a=b"},
                new String[] {"Range", "bytes=0-1"},
                new String[] {"If-None-Match", "*"},
                new String[] {"Origin", "null"}));
        r.headers.add(header);
    }

    private void mutateAuthorization(Request r) {
        if (authMutationsLeft <= 0) {
            mutateOtherHeaders(r);
            return;
        }
        authMutationsLeft--;
        r.done.add("authorization");
        String key = fixtures.apiKey();
        r.header("Authorization", pick(List.of("bearer " + key, "Bearer  " + key + " ", "Basic dXNlcjpwYXNz",
                "Bearer sk_test_" + randomAlnum(24), "Bearer " + key + "\t", "Bearer")));
        if (random.nextInt(4) == 0) {
            r.header("Authorization", null);
        }
    }

    /** Strings a field must refuse, or keep exactly as sent. */
    String nastyString() {
        return switch (random.nextInt(10)) {
            case 0, 1, 2, 3 -> {
                char c = CONTROLS[random.nextInt(CONTROLS.length)];
                yield switch (random.nextInt(3)) {
                    case 0 -> String.valueOf(c);
                    case 1 -> "pay_" + randomAlnum(4) + c;
                    default -> randomAlnum(3) + c + randomAlnum(3);
                };
            }
            case 4, 5, 6 -> pick(ODD_STRINGS);
            case 7, 8 -> String.valueOf(pick(List.of('x', 'é', '\u4e2d', '\u0000'))).repeat(
                    pick(List.of(3, 4, 41, 64, 65, 256, 300, 501, 1001, 5000)));
            default -> pick(List.of("", " ", "\t", "\n", "\r\n", "  \t"));
        };
    }

    private String idempotencyKey() {
        String key = "fz_" + randomAlnum(20);
        usedIdempotencyKeys.add(key);
        return key;
    }

    private String randomAlnum(int n) {
        StringBuilder s = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            s.append(ALNUM.charAt(random.nextInt(ALNUM.length())));
        }
        return s.toString();
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static List<String[]> fields(String[]... fields) {
        return new ArrayList<>(List.of(fields));
    }

    private static String[] field(String key, String rawValue) {
        return new String[] {q(key), rawValue};
    }

    private static byte[] render(List<String[]> fields) {
        return ("{" + fields.stream().map(f -> f[0] + ": " + f[1]).collect(Collectors.joining(", ")) + "}")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** A JSON string literal: quotes, backslashes and C0 controls escaped, and lone surrogates (no UTF-8 for them) too. */
    static String q(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean paired = Character.isHighSurrogate(c) && i + 1 < s.length()
                    && Character.isLowSurrogate(s.charAt(i + 1));
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || (Character.isSurrogate(c) && !paired
                    && !(Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(s.charAt(i - 1))))) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    /** Percent-encodes all but unreserved characters as UTF-8; a lone surrogate becomes its (invalid) 3-byte form. */
    static String percent(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                out.append(c);
                continue;
            }
            byte[] bytes;
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                bytes = s.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                i++;
            } else if (Character.isSurrogate(c)) {
                bytes = new byte[] {(byte) (0xE0 | (c >> 12)), (byte) (0x80 | ((c >> 6) & 0x3F)),
                    (byte) (0x80 | (c & 0x3F))};
            } else {
                bytes = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
            }
            for (byte b : bytes) {
                out.append('%').append(HexFormat.of().withUpperCase().toHexDigits(b));
            }
        }
        return out.toString();
    }

    static String printable(String s, int max) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length() && out.length() < max; i++) {
            char c = s.charAt(i);
            out.append(c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0) || Character.isSurrogate(c)
                    ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return s.length() > max ? out + "…(" + s.length() + " chars)" : out.toString();
    }
}
