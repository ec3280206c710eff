package dev.paysuite.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
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
    private static final ObjectMapper JSON = new ObjectMapper();
    private final AtomicReference<JsonNode> answered = new AtomicReference<>();
    private JsonNode document;
    private ChargesApi charges;
    private RefundsApi refunds;

    @BeforeEach
    void client() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/seed003-openapi.json")) {
            document = JSON.readTree(in);
        }
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
        assertLike(example("/charge", "post"), created);
        String id = created.get("id").textValue();
        assertTrue(id.startsWith("ch_"), id);
        assertEquals("ORD-1234", created.path("metadata").path("order_id").textValue());

        charges.getGetCharge(id);
        assertLike(example("/charge/{id}", "get"), answered.get());
        assertEquals(id, answered.get().get("id").textValue());

        charges.getListCharges(20, 0, "succeeded");
        JsonNode page = answered.get();
        assertLike(example("/charges", "get"), page);
        assertEquals(1, page.get("total").intValue());
        assertEquals(id, page.path("data").path(0).path("id").textValue());

        refunds.postCreateRefund(new PostCreateRefundRequest().chargeId(id).amount(1500)
                .reason("requested_by_customer").metadata(Map.of("ticket", "SUP-1001")));
        JsonNode refund = answered.get();
        assertLike(example("/refund", "post"), refund);
        assertTrue(refund.get("id").textValue().startsWith("rf_"), refund.toString());
        assertEquals(id, refund.get("charge_id").textValue());
    }

    @Test
    void theDocumentedErrorReachesTheGeneratedClientAsDocumented() throws IOException {
        ApiException unknown = assertThrows(ApiException.class, () -> charges.getGetCharge("ch_doesnotexist"));
        assertEquals(404, unknown.getCode());
        JsonNode error = JSON.readTree(unknown.getResponseBody());
        JsonNode documented = document.at("/paths/~1charge/post/responses/400/content/application~1json/example");
        assertLike(documented, error);
        assertEquals("resource_missing", error.path("error").path("code").textValue());
    }

    /** The example answer the document gives for an operation's 200. */
    private JsonNode example(String path, String method) {
        JsonNode example = document.path("paths").path(path).path(method).path("responses").path("200")
                .path("content").path("application/json").path("example");
        assertTrue(example.isObject(), path);
        return example;
    }

    /**
     * Every field of the example is in the answer with the same JSON type; the amount, currency and
     * status, which the examples' requests decide, with the same value; lists item by item.
     */
    private static void assertLike(JsonNode example, JsonNode actual) {
        assertNotNull(actual, "no answer");
        for (Map.Entry<String, JsonNode> field : example.properties()) {
            String name = field.getKey();
            JsonNode expected = field.getValue();
            JsonNode value = actual.get(name);
            assertNotNull(value, name + " missing from " + actual);
            assertEquals(expected.getNodeType(), value.getNodeType(), name + " in " + actual);
            if (Set.of("amount", "currency", "status").contains(name)) {
                assertEquals(expected, value, name + " in " + actual);
            } else if (expected.isObject()) {
                assertLike(expected, value);
            } else if (expected.isArray() && expected.size() > 0) {
                assertTrue(value.size() > 0, name + " is empty in " + actual);
                for (JsonNode item : value) {
                    assertLike(expected.get(0), item);
                }
            }
        }
    }
}
