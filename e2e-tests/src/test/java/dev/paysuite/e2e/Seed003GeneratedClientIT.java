package dev.paysuite.e2e;

import static dev.paysuite.e2e.Seed003Document.assertLike;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paysuite.e2e.seed003.client.ApiClient;
import dev.paysuite.e2e.seed003.client.ApiException;
import dev.paysuite.e2e.seed003.client.api.ChargesApi;
import dev.paysuite.e2e.seed003.client.api.RefundsApi;
import dev.paysuite.e2e.seed003.client.model.PostCreateChargeRequest;
import dev.paysuite.e2e.seed003.client.model.PostCreateRefundRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A client generated from seed 003's published document (openapi-generator, library {@code native};
 * see the e2e-tests pom), used unchanged against the gateway: its base URL is the dialect's base path
 * and it sends the merchant's key as the bearer token its {@code bearerAuth} scheme names. The
 * document gives examples, not schemas, so the generated operations return nothing: the answer's
 * body is read as it arrives (the client's response interceptor) and checked against the
 * document's example answer of that operation, field by field.
 */
@ExtendWith(Suite.Extension.class)
class Seed003GeneratedClientIT {
    private static final ObjectMapper JSON = Seed003Document.JSON;
    private final AtomicReference<JsonNode> answered = new AtomicReference<>();
    private ChargesApi charges;
    private RefundsApi refunds;

    @BeforeEach
    void client() {
        String key = Merchants.create().apiKey();
        ApiClient client = new ApiClient();
        client.updateBaseUri(Seed003ConformanceIT.BASE);
        // The native library leaves authentication to the caller: the key goes in as the bearer token.
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + key));
        client.setResponseInterceptor(response -> {
            if (response.statusCode() / 100 == 2) { // an error's body stays for the ApiException
                try {
                    answered.set(JSON.readTree(response.body().readAllBytes()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        });
        charges = new ChargesApi(client);
        refunds = new RefundsApi(client);
    }

    @Test
    void createRetrieveListAndRefundWithTheGeneratedClient() throws ApiException {
        PostCreateChargeRequest charge = new PostCreateChargeRequest().amount(1500).currency("USD")
                .description("Order #1234").metadata(Map.of("order_id", "ORD-1234", "channel", "playground"));
        assertEquals(200, charges.postCreateChargeWithHttpInfo(charge).getStatusCode());
        JsonNode created = answered.get();
        assertLike(Seed003Document.answer("/charge", "post", 200), created);
        String id = created.get("id").textValue();
        assertTrue(id.startsWith("ch_"), id);
        assertEquals("ORD-1234", created.path("metadata").path("order_id").textValue());

        charges.getGetCharge(id);
        assertLike(Seed003Document.answer("/charge/{id}", "get", 200), answered.get());
        assertEquals(id, answered.get().get("id").textValue());

        charges.getListCharges(20, 0, "succeeded");
        JsonNode page = answered.get();
        assertLike(Seed003Document.answer("/charges", "get", 200), page);
        assertEquals(1, page.get("total").intValue());
        assertEquals(id, page.path("data").path(0).path("id").textValue());

        refunds.postCreateRefund(new PostCreateRefundRequest().chargeId(id).amount(1500)
                .reason("requested_by_customer").metadata(Map.of("ticket", "SUP-1001")));
        JsonNode refund = answered.get();
        assertLike(Seed003Document.answer("/refund", "post", 200), refund);
        assertTrue(refund.get("id").textValue().startsWith("rf_"), refund.toString());
        assertEquals(id, refund.get("charge_id").textValue());
    }

    @Test
    void theDocumentedErrorReachesTheGeneratedClientAsDocumented() throws IOException {
        ApiException unknown = assertThrows(ApiException.class, () -> charges.getGetCharge("ch_doesnotexist"));
        assertEquals(404, unknown.getCode());
        JsonNode error = JSON.readTree(unknown.getResponseBody());
        assertLike(Seed003Document.answer("/charge", "post", 400), error);
        assertEquals("resource_missing", error.path("error").path("code").textValue());
    }
}
