package dev.paysuite.gateway.adapter.in.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RouteTemplatesTest {

    @Test
    void identifiersBecomeIdAndWordsStay() {
        assertEquals("/v1/payments", RouteTemplates.of("/v1/payments"));
        assertEquals("/v1/payments/{id}", RouteTemplates.of("/v1/payments/pay_3kTz9QxW2mLp"));
        assertEquals("/v1/payments/{id}/capture", RouteTemplates.of("/v1/payments/pay_3kTz9QxW2mLp/capture"));
        assertEquals("/v1/customers/{id}/payment_methods", RouteTemplates.of("/v1/customers/cus_8Hq2/payment_methods"));
        assertEquals("/v1/webhook_endpoints/{id}/attempts", RouteTemplates.of("/v1/webhook_endpoints/we_1a2B/attempts"));
        assertEquals("/compat/example/v3/payments/{id}/refunds",
                RouteTemplates.of("/compat/example/v3/payments/pay_x9Y8/refunds"));
        assertEquals("/compat/aikdata/v1/payments/openapi.json", RouteTemplates.of("/compat/aikdata/v1/payments/openapi.json"));
    }

    @Test
    void oddOrLongPathsCannotGrowTheSeries() {
        assertEquals("/v1/{id}", RouteTemplates.of("/v1/PAYMENTS"));
        assertEquals("/v1/{id}", RouteTemplates.of("/v1/" + "a".repeat(33)));
        assertEquals(RouteTemplates.UNMATCHED, RouteTemplates.of("/a/b/c/d/e/f/g/h/i"));
        assertEquals(RouteTemplates.UNMATCHED, RouteTemplates.of("/"));
        assertEquals(RouteTemplates.UNMATCHED, RouteTemplates.forAnswer("/v1/anything", 404));
        assertEquals(RouteTemplates.UNMATCHED, RouteTemplates.forAnswer("/v1/payments", 405));
        assertEquals("/v1/payments", RouteTemplates.forAnswer("/v1/payments", 400));
    }
}
