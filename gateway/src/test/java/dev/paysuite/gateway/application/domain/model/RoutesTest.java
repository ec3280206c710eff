package dev.paysuite.gateway.application.domain.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class RoutesTest {
    /** The shipped table: refund routes placed before the payments route, by config alone. */
    static final Routes TABLE = new Routes(List.of(
            Route.of("/v1/payments/[^/]+/refunds?", "refunds"),
            Route.of("/v1/refunds(/.*)?", "refunds"),
            Route.of("/v1/payments(/.*)?", "payments")));

    @Test
    void paymentsAndEverythingUnderThemGoToPayments() {
        for (String path : List.of("/v1/payments", "/v1/payments/", "/v1/payments/pay_1", "/v1/payments/pay_1/cancel",
                "/v1/payments/pay_1/capture", "/v1/payments/pay_1/refundsx")) {
            assertEquals(Optional.of("payments"), TABLE.upstreamFor(path), path);
        }
    }

    @Test
    void aMoreSpecificRouteBeforeAGeneralOneWins() {
        for (String path : List.of("/v1/payments/pay_1/refunds", "/v1/payments/pay_1/refund", "/v1/refunds",
                "/v1/refunds/ref_1")) {
            assertEquals(Optional.of("refunds"), TABLE.upstreamFor(path), path);
        }
    }

    @Test
    void theWholePathMustMatch() {
        for (String path : List.of("/v1/paymentsX", "/v2/payments", "/v1/customers", "/x/v1/payments", "/v1/refundsX")) {
            assertEquals(Optional.empty(), TABLE.upstreamFor(path), path);
        }
    }

    @Test
    void theOrderOfTheTableDecides() {
        Routes generalFirst = new Routes(List.of(Route.of("/v1/payments(/.*)?", "payments"),
                Route.of("/v1/payments/[^/]+/refunds?", "refunds")));
        assertEquals(Optional.of("payments"), generalFirst.upstreamFor("/v1/payments/pay_1/refunds"));
    }

    @Test
    void internalPathsAreNeverRoutedWhateverTheTableSays() {
        Routes everything = new Routes(List.of(Route.of("/.*", "methods")));
        for (String path : List.of("/internal", "/internal/", "/internal/v1/vault/tokens", "/INTERNAL/v1/instruments/pm_1")) {
            assertEquals(Optional.empty(), everything.upstreamFor(path), path);
        }
        assertEquals(Optional.of("methods"), everything.upstreamFor("/internals"));
        assertEquals(Optional.of("methods"), everything.upstreamFor("/v1/internal"));
    }

    @Test
    void customersAndPaymentMethodsGoToMethods() {
        Routes shipped = new Routes(List.of(
                Route.of("/v1/payments/[^/]+/refunds?", "refunds"),
                Route.of("/v1/refunds(/.*)?", "refunds"),
                Route.of("/v1/payments(/.*)?", "payments"),
                Route.of("/v1/customers(/.*)?", "methods"),
                Route.of("/v1/payment_methods(/.*)?", "methods")));
        for (String path : List.of("/v1/customers", "/v1/customers/cus_1", "/v1/customers/cus_1/payment_methods",
                "/v1/payment_methods", "/v1/payment_methods/pm_1/attach", "/v1/payment_methods/pm_1/detach")) {
            assertEquals(Optional.of("methods"), shipped.upstreamFor(path), path);
        }
        for (String path : List.of("/v1/customersX", "/v1/payment_method", "/internal/v1/vault/tokens")) {
            assertEquals(Optional.empty(), shipped.upstreamFor(path), path);
        }
    }

    @Test
    void eventsAndWebhookEndpointsGoToWebhooks() {
        Routes shipped = new Routes(List.of(
                Route.of("/v1/payments/[^/]+/refunds?", "refunds"),
                Route.of("/v1/refunds(/.*)?", "refunds"),
                Route.of("/v1/payments(/.*)?", "payments"),
                Route.of("/v1/customers(/.*)?", "methods"),
                Route.of("/v1/payment_methods(/.*)?", "methods"),
                Route.of("/v1/events(/.*)?", "webhooks"),
                Route.of("/v1/webhook_endpoints(/.*)?", "webhooks")));
        for (String path : List.of("/v1/events", "/v1/events/evt_1", "/v1/events/stream", "/v1/webhook_endpoints",
                "/v1/webhook_endpoints/we_1", "/v1/webhook_endpoints/we_1/roll_secret")) {
            assertEquals(Optional.of("webhooks"), shipped.upstreamFor(path), path);
        }
        for (String path : List.of("/v1/eventsX", "/v1/webhook_endpoint", "/v1/event")) {
            assertEquals(Optional.empty(), shipped.upstreamFor(path), path);
        }
    }

    /** The table the gateway ships (application.properties), as it reads it. */
    static Routes shipped() throws IOException {
        Properties config = new Properties();
        try (InputStream in = RoutesTest.class.getClassLoader().getResourceAsStream("application.properties")) {
            config.load(in);
        }
        List<Route> table = new ArrayList<>();
        for (int i = 0; config.containsKey("paysuite.gateway.routes[" + i + "].path"); i++) {
            table.add(Route.of(config.getProperty("paysuite.gateway.routes[" + i + "].path"),
                    config.getProperty("paysuite.gateway.routes[" + i + "].upstream")));
        }
        return new Routes(table);
    }

    @Test
    void subscriptionsAndTestClocksGoToPaymentsInTheShippedTable() throws IOException {
        Routes shipped = shipped();
        for (String path : List.of("/v1/subscriptions", "/v1/subscriptions/sub_1", "/v1/subscriptions/sub_1/cancel",
                "/v1/subscriptions/sub_1/pause", "/v1/subscriptions/sub_1/resume", "/v1/test_clocks",
                "/v1/test_clocks/clock_1", "/v1/test_clocks/clock_1/advance", "/v1/payment_links/plink_1")) {
            assertEquals(Optional.of("payments"), shipped.upstreamFor(path), path);
        }
        for (String path : List.of("/v1/subscriptionsX", "/v1/subscription", "/v1/test_clock", "/v1/test_clocksX",
                "/internal/v1/customers/cus_1")) {
            assertEquals(Optional.empty(), shipped.upstreamFor(path), path);
        }
        assertEquals(Optional.of("refunds"), shipped.upstreamFor("/v1/payments/pay_1/refunds"));
        assertEquals(Optional.of("methods"), shipped.upstreamFor("/v1/customers/cus_1"));
        assertEquals(Optional.of("webhooks"), shipped.upstreamFor("/v1/events"));
    }

    @Test
    void disputesGoToPaymentsInTheShippedTable() throws IOException {
        Routes shipped = shipped();
        for (String path : List.of("/v1/disputes", "/v1/disputes/dp_1", "/v1/disputes/dp_1/close",
                "/v1/disputes/dp_1/evidence")) {
            assertEquals(Optional.of("payments"), shipped.upstreamFor(path), path);
        }
        for (String path : List.of("/v1/disputesX", "/v1/dispute", "/v1/dispute/dp_1", "/internal/v1/disputes/dp_1")) {
            assertEquals(Optional.empty(), shipped.upstreamFor(path), path);
        }
    }

    @Test
    void aRouteNamesAnUpstream() {
        assertThrows(IllegalArgumentException.class, () -> Route.of("/v1/x", " "));
    }
}
