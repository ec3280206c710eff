package dev.paysuite.methods.application.domain.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paysuite.kernel.Metadata;
import dev.paysuite.kernel.error.DomainException;
import dev.paysuite.kernel.id.CustomerId;
import dev.paysuite.kernel.id.PaymentMethodId;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PaymentMethodTest {
    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    static final CustomerId JENNY = new CustomerId("cus_jenny");
    static final CustomerId OTHER = new CustomerId("cus_other");

    static PaymentMethod card() {
        MethodDetails details = MethodDetails.parse(MethodType.CARD,
                new MethodInput("4242 4242 4242 4242", 12, 2030, "123", null, null, null, null, null, null),
                YearMonth.of(2026, 11));
        return PaymentMethod.create("mer_a", false, details, Metadata.EMPTY, "vr_1", "hash", NOW);
    }

    static String code(Runnable action) {
        return assertThrows(DomainException.class, action::run).code();
    }

    @Test
    void aNewCardShowsBrandLastFourExpiryAndFundingOnly() {
        PaymentMethod m = card();
        assertEquals(new ShownDetails("visa", "4242", 12, 2030, "credit", Map.of()), m.shown());
        assertTrue(m.isChargeable());
        assertNull(m.customerId());
    }

    @Test
    void attachingTwiceToTheSameCustomerChangesNothing() {
        PaymentMethod m = card();
        assertTrue(m.attach(JENNY, NOW));
        assertFalse(m.attach(JENNY, NOW));
        assertEquals(JENNY, m.customerId());
    }

    @Test
    void anotherCustomersMethodIsNotTaken() {
        PaymentMethod m = card();
        m.attach(JENNY, NOW);
        assertEquals(MethodErrorCodes.METHOD_UNEXPECTED_STATE, code(() -> m.attach(OTHER, NOW)));
    }

    @Test
    void aDetachedMethodIsNeverChargedOrAttachedAgain() {
        PaymentMethod m = card();
        m.attach(JENNY, NOW);
        m.detach(NOW.plusSeconds(5));
        assertFalse(m.isChargeable());
        assertEquals(NOW.plusSeconds(5), m.detachedAt());
        assertEquals(MethodErrorCodes.METHOD_UNEXPECTED_STATE, code(() -> m.attach(JENNY, NOW)));
        assertEquals(MethodErrorCodes.METHOD_UNEXPECTED_STATE, code(() -> m.detach(NOW)));
    }

    @Test
    void aMethodOfNoCustomerCannotBeDetached() {
        assertEquals(MethodErrorCodes.METHOD_UNEXPECTED_STATE, code(() -> card().detach(NOW)));
    }

    @Test
    void aSharedTestAliasIsChargedButNeverAttached() {
        PaymentMethod alias = new PaymentMethod(new PaymentMethodId("pm_test_success"), null, false, MethodType.CARD,
                TestMethods.VISA.details().shown(), Metadata.EMPTY, "vr_2", "hash", null, MethodStatus.USABLE, NOW,
                NOW, null);
        assertTrue(alias.isShared());
        assertEquals(MethodErrorCodes.METHOD_SHARED, code(() -> alias.attach(JENNY, NOW)));
    }

    @Test
    void everyTestCardIsAValidCardNumberOfItsBrand() {
        TestMethods.METHODS.values().forEach(c -> assertEquals(c.number().substring(c.number().length() - 4),
                CardNumber.parse(c.number()).last4()));
        assertEquals("amex", TestMethods.TOKENS.get("tok_amex").details().shown().brand());
        assertEquals("mastercard", TestMethods.TOKENS.get("tok_mastercard").details().shown().brand());
        assertEquals("tok_visa", TestMethods.tokenFor("card_token_123"));
    }
}
