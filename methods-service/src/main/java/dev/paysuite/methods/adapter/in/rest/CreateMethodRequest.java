package dev.paysuite.methods.adapter.in.rest;

import java.util.Map;

/**
 * The body of {@code POST /v1/payment_methods}: the type and a details object of the same name,
 * the others absent. Its toString never shows the details (they hold card and account numbers).
 */
public record CreateMethodRequest(String type, Details card, Details applePay, Details googlePay, Details paypal,
        Details achDebit, Details wire, Details bitcoin, Details ethereum, String customerId,
        Map<String, String> metadata) {
    static final CreateMethodRequest EMPTY = new CreateMethodRequest(null, null, null, null, null, null, null, null,
            null, null, null);

    /** Every field any type's details may have; each type reads its own (the others must be absent). */
    public record Details(String number, Integer expMonth, Integer expYear, String cvc, String token,
            String routingNumber, String accountNumber, String iban, String bic,
            String address) {
        @Override
        public String toString() {
            return "Details[…]";
        }
    }

    @Override
    public String toString() {
        return "CreateMethodRequest[type=" + type + ", …]";
    }
}
