package dev.paysuite.payments.adapter.in.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.paysuite.kernel.error.DomainException;
import dev.paysuite.kernel.error.ErrorCodes;
import dev.paysuite.payments.application.domain.model.PaymentSource;
import dev.paysuite.platform.error.ApiException;
import dev.paysuite.platform.identity.Caller;
import org.junit.jupiter.api.Test;

/** How the create body names what it pays with, and how errors name the parameter the caller used. */
class CreatePaymentRequestTest {
    static final Caller CALLER = new Caller("mer_1", false, "key_1");

    static CreatePaymentRequest paidWith(String paymentMethodId, String source, String cardToken) {
        return new CreatePaymentRequest(100L, "USD", paymentMethodId, source, cardToken, null, null, null, null, null, null);
    }

    static ApiException refused(CreatePaymentRequest request) {
        return assertThrows(ApiException.class, () -> request.toCommand(CALLER));
    }

    @Test
    void exactlyOneSourceMustBeNamed() {
        ApiException none = refused(paidWith(null, null, null));
        assertEquals(ErrorCodes.PARAMETER_MISSING, none.body().error().code());
        assertEquals("payment_method_id", none.body().error().param());
        assertEquals(ErrorCodes.PARAMETER_INVALID, refused(paidWith("pm_1", "tok_visa", null)).body().error().code());
        assertInstanceOf(PaymentSource.Token.class, paidWith(null, null, "tok_visa").toCommand(CALLER).source());
        assertInstanceOf(PaymentSource.StoredMethod.class, paidWith("pm_1", null, null).toCommand(CALLER).source());
    }

    @Test
    void aTokenIsNamedByTheParameterItCameIn() {
        assertEquals("card_token", paidWith(null, null, "tok_visa").parameter(PaymentSource.Token.FIELD));
        assertEquals("source", paidWith(null, "tok_visa", null).parameter(PaymentSource.Token.FIELD));
        CreatePaymentRequest malformed = paidWith(null, null, "visa");
        DomainException e = assertThrows(DomainException.class, () -> malformed.toCommand(CALLER));
        assertEquals("card_token", malformed.parameter(e.field()));
        assertEquals("Invalid card_token: expected a token such as tok_visa.", e.message(malformed::parameter));
    }

    @Test
    void aMalformedPaymentMethodIdIsInvalid() {
        CreatePaymentRequest malformed = paidWith("card_123", null, null);
        DomainException e = assertThrows(DomainException.class, () -> malformed.toCommand(CALLER));
        assertEquals("payment_method_id", malformed.parameter(e.field()));
    }

    @Test
    void otherFieldsFollowTheApisNaming() {
        CreatePaymentRequest request = paidWith("pm_1", null, null);
        assertEquals("capture_method", request.parameter("captureMethod"));
        assertEquals("metadata[order_id]", request.parameter("metadata.order_id"));
    }

    static CreatePaymentRequest typed(com.fasterxml.jackson.databind.JsonNode paymentMethod) {
        return new CreatePaymentRequest(100L, "USD", null, null, "card_token_123", paymentMethod, null, null, null,
                null, null);
    }

    @Test
    void seed000sTextualPaymentMethodIsATypeHintAndItsCardTokenAToken() {
        var command = typed(JsonNodeFactory.instance.textNode("card")).toCommand(CALLER);
        assertEquals("card", command.methodType());
        assertEquals(new PaymentSource.Token("card_token_123"), command.source());
        assertEquals("payment_method", typed(JsonNodeFactory.instance.textNode("cheque")).parameter(
                assertThrows(DomainException.class,
                        () -> typed(JsonNodeFactory.instance.textNode("cheque")).toCommand(CALLER)).field()));
    }

    @Test
    void inlineCardDetailsAreRefusedBeforeAnythingElse() {
        var inline = JsonNodeFactory.instance.objectNode();
        inline.putObject("card").put("number", "4242424242424242");
        ApiException e = refused(new CreatePaymentRequest(null, null, null, null, null, inline, null, null, null, null, null));
        assertEquals("payment_method_unsupported", e.body().error().code());
        assertEquals("payment_method", e.body().error().param());
        assertEquals("parameter_invalid",
                refused(typed(JsonNodeFactory.instance.numberNode(7))).body().error().code());
    }
}
