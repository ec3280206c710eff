package dev.paysuite.gateway.adapter.in.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ContractDocumentsTest {

    @Test
    void theAsyncApiDocumentIsServedWithoutAKey() {
        given().get("/asyncapi").then().statusCode(200).contentType(startsWith("application/yaml"))
                .body(containsString("asyncapi: 3.0.0"))
                .body(containsString("payments.events")).body(containsString("refunds.events"))
                .body(containsString("methods.events")).body(containsString("paymentsequence"));
    }

    /** A dispute's events are a message of payments.events: their types, keyed and numbered as the payment's, the dispute as data. */
    @Test
    void disputeEventsAreAMessageOfPaymentsEvents() {
        String document = given().get("/asyncapi").then().statusCode(200).extract().asString();
        String channel = section(document, "  payments.events:\n", "\n  refunds.events:");
        assertTrue(channel.contains("disputeEvent:\n        $ref: '#/components/messages/DisputeEvent'"), channel);
        assertTrue(channel.contains("paymentEvent:"), channel);
        assertTrue(channel.contains("subscriptionEvent:"), channel);

        String message = section(document, "    DisputeEvent:\n", "\n    SubscriptionEvent:");
        assertTrue(message.contains("enum: [dispute.created, dispute.updated, dispute.closed]"), message);
        assertTrue(message.contains("description: The disputed payment's id (pay_"), "key = payment id: " + message);
        assertTrue(message.contains("The payment's sequence"), "sequence = the payment's: " + message);
        assertTrue(message.contains("The dispute id (dp_"), "subject = the dispute: " + message);
        assertTrue(message.contains("$ref: '#/components/schemas/Dispute'"), message);
        assertTrue(!message.contains("refundsequence:"), "no refundsequence property on a dispute event");

        String dispute = section(document, "\n    Dispute:\n", null);
        for (String field : List.of("id", "object", "payment_id", "amount", "currency", "reason", "status", "evidence",
                "evidence_details", "due_by", "has_evidence", "past_due", "submission_count", "submitted_at",
                "livemode", "created_at", "updated_at", "closed_at")) {
            assertTrue(dispute.contains(" " + field + ":"), field + " in " + dispute);
        }
        assertTrue(dispute.contains("enum: [needs_response, under_review, won, lost, closed]"), dispute);
        assertTrue(section(document, "\n    Payment:\n", "\n    Refund:").contains("amount_disputed:"));
        assertEquals(1, document.split("\n    DisputeEvent:\n", -1).length - 1, "one DisputeEvent message");
    }

    /** The text from {@code start} to {@code end} (or the document's end). */
    private static String section(String document, String start, String end) {
        int from = document.indexOf(start);
        assertTrue(from >= 0, start + " in the document");
        int to = end == null ? document.length() : document.indexOf(end, from + start.length());
        assertTrue(to > from, end + " after " + start);
        return document.substring(from, to);
    }

    @Test
    void otherMethodsOnItAreTheApisBusiness() {
        given().post("/asyncapi").then().statusCode(401);
    }
}
