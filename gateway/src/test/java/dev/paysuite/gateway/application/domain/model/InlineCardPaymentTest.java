package dev.paysuite.gateway.application.domain.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InlineCardPaymentTest {
    static final String NUMBER = "4111111111111111";

    /** Seed 001's POST /v1/payments. */
    static Map<String, Object> seed001() {
        Map<String, Object> card = new LinkedHashMap<>();
        card.put("type", "card");
        card.put("card_number", NUMBER);
        card.put("exp_month", 12);
        card.put("exp_year", 2026);
        card.put("cvc", "123");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("amount", 2500);
        body.put("currency", "USD");
        body.put("payment_method", card);
        body.put("description", "Payment for order #12345");
        body.put("customer_id", "cust_abc123");
        return body;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> card(Map<String, Object> body) {
        return (Map<String, Object>) body.get("payment_method");
    }

    @Test
    void onlyCreatingAPaymentCanCarryACardInline() {
        assertTrue(InlineCardPayment.appliesTo("POST", "/v1/payments"));
        assertTrue(InlineCardPayment.appliesTo("POST", "/v1/payments/"));
        for (String path : List.of("/v1/payments/pay_1", "/v1/payments/pay_1/confirm", "/v1/refunds", "/v1/payment_methods")) {
            assertFalse(InlineCardPayment.appliesTo("POST", path), path);
        }
        assertFalse(InlineCardPayment.appliesTo("GET", "/v1/payments"));
        assertFalse(InlineCardPayment.appliesTo("PUT", "/v1/payments"));
    }

    @Test
    void seed001sCardIsExchangedAsGiven() {
        var exchange = assertInstanceOf(InlineCardPayment.Check.Exchange.class, InlineCardPayment.inspect(seed001()));
        InlineCard card = exchange.card();
        assertEquals(NUMBER, card.number());
        assertEquals("card_number", card.numberField());
        assertEquals(12, card.expMonth());
        assertEquals(2026, card.expYear());
        assertEquals("123", card.cvc());
    }

    @Test
    void numberIsAnAliasOfCardNumberAndValuesPassAsGivenForTheVaultToJudge() {
        Map<String, Object> body = seed001();
        card(body).remove("card_number");
        card(body).put("number", 4111);
        card(body).put("exp_month", "twelve");
        card(body).remove("cvc");
        InlineCard card = assertInstanceOf(InlineCardPayment.Check.Exchange.class, InlineCardPayment.inspect(body)).card();
        assertEquals(4111, card.number());
        assertEquals("number", card.numberField());
        assertEquals("twelve", card.expMonth());
        assertNull(card.cvc());
    }

    @Test
    void aTextualPaymentMethodOrNoneIsNoInlineCard() {
        Map<String, Object> seed000 = new HashMap<>(Map.of("amount", 1000, "currency", "usd", "payment_method", "card"));
        assertInstanceOf(InlineCardPayment.Check.NoInlineCard.class, InlineCardPayment.inspect(seed000));
        assertInstanceOf(InlineCardPayment.Check.NoInlineCard.class, InlineCardPayment.inspect(Map.of("source", "tok_visa")));
        assertInstanceOf(InlineCardPayment.Check.NoInlineCard.class,
                InlineCardPayment.inspect(Map.of("payment_method", List.of(Map.of("type", "card")))));
        assertInstanceOf(InlineCardPayment.Check.NoInlineCard.class, InlineCardPayment.inspect(new HashMap<>()));
    }

    @Test
    void onlyCardsCanBeGivenInline() {
        Map<String, Object> body = seed001();
        card(body).put("type", "bitcoin");
        var refused = assertInstanceOf(InlineCardPayment.Check.Refused.class, InlineCardPayment.inspect(body));
        assertEquals("parameter_invalid", refused.code());
        assertEquals("payment_method[type]", refused.param());
        assertFalse(refused.message().contains(NUMBER));

        card(body).remove("type");
        refused = assertInstanceOf(InlineCardPayment.Check.Refused.class, InlineCardPayment.inspect(body));
        assertEquals("parameter_missing", refused.code());
        assertEquals("payment_method[type]", refused.param());
    }

    @Test
    void anInlineCardWithAnotherWayToPayIsRefusedNamingPaymentMethod() {
        for (String other : List.of("source", "card_token", "payment_method_id")) {
            Map<String, Object> body = seed001();
            body.put(other, "tok_visa");
            var refused = assertInstanceOf(InlineCardPayment.Check.Refused.class, InlineCardPayment.inspect(body), other);
            assertEquals("parameter_invalid", refused.code());
            assertEquals("payment_method", refused.param());
            assertTrue(refused.message().contains(other), refused.message());
            assertFalse(refused.message().contains(NUMBER));
        }
        Map<String, Object> withNullSource = seed001();
        withNullSource.put("source", null);
        assertInstanceOf(InlineCardPayment.Check.Exchange.class, InlineCardPayment.inspect(withNullSource));
    }

    @Test
    void unknownFieldsOfTheCardAreRefusedAndANameThatCouldBeANumberIsNeverEchoed() {
        Map<String, Object> body = seed001();
        card(body).put("holder", "Jane");
        var refused = assertInstanceOf(InlineCardPayment.Check.Refused.class, InlineCardPayment.inspect(body));
        assertEquals("parameter_unknown", refused.code());
        assertEquals("payment_method[holder]", refused.param());

        body = seed001();
        card(body).put(NUMBER, true);
        refused = assertInstanceOf(InlineCardPayment.Check.Refused.class, InlineCardPayment.inspect(body));
        assertEquals("payment_method", refused.param());
        assertFalse(refused.message().contains(NUMBER), refused.message());
    }

    @Test
    void aNumberGivenTwiceIsRefused() {
        Map<String, Object> body = seed001();
        card(body).put("number", "4242424242424242");
        var refused = assertInstanceOf(InlineCardPayment.Check.Refused.class, InlineCardPayment.inspect(body));
        assertEquals("payment_method[number]", refused.param());
        assertFalse(refused.message().contains(NUMBER) || refused.message().contains("4242424242424242"));
    }

    @Test
    void theTokenTakesThePlaceOfTheCardAndEverythingElseStaysInItsOrder() {
        Map<String, Object> rewritten = InlineCardPayment.withToken(seed001(), "tok_abc");
        assertEquals(List.of("amount", "currency", "source", "description", "customer_id"), new ArrayList<>(rewritten.keySet()));
        assertEquals("tok_abc", rewritten.get("source"));
        assertEquals(2500, rewritten.get("amount"));
        assertFalse(rewritten.toString().contains(NUMBER));
        // The same body and token make the same request: a retry is replayed by payments-service.
        assertEquals(rewritten, InlineCardPayment.withToken(seed001(), "tok_abc"));
    }

    @Test
    void theVaultsNamesOfTheCardsFieldsBecomeTheClients() {
        InlineCard card = new InlineCard(NUMBER, "card_number", 12, 2026, "123");
        InlineCard alias = new InlineCard(NUMBER, "number", 12, 2026, "123");
        assertEquals("payment_method[card_number]", InlineCardPayment.publicParam("card[number]", card));
        assertEquals("payment_method[number]", InlineCardPayment.publicParam("card[number]", alias));
        assertEquals("payment_method[exp_month]", InlineCardPayment.publicParam("card[exp_month]", card));
        assertEquals("payment_method[exp_year]", InlineCardPayment.publicParam("card[exp_year]", card));
        assertEquals("payment_method[cvc]", InlineCardPayment.publicParam("card[cvc]", card));
        assertEquals("Idempotency-Key", InlineCardPayment.publicParam("Idempotency-Key", card));
        assertNull(InlineCardPayment.publicParam(null, card));
        assertEquals("Invalid payment_method[exp_month]: 13 is not a month.",
                InlineCardPayment.publicMessage("Invalid card[exp_month]: 13 is not a month.", card));
    }

    @Test
    void aCardNeverPrintsItsDetails() {
        String printed = new InlineCard(NUMBER, "card_number", 12, 2026, "987").toString();
        assertFalse(printed.contains(NUMBER) || printed.contains("987") || printed.contains("2026"), printed);
        String request = new CardExchangeRequest(new InlineCard(NUMBER, "card_number", 12, 2026, "987"), "jwt.secret.sig",
                "req_1", java.util.Optional.of("idem-1")).toString();
        assertFalse(request.contains(NUMBER) || request.contains("jwt.secret.sig"), request);
    }
}
