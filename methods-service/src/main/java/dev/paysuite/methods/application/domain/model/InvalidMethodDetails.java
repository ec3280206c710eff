package dev.paysuite.methods.application.domain.model;

import dev.paysuite.kernel.error.DomainException;

/**
 * A payment method's details break a rule of their type. The field is the domain's path to the value
 * ({@code card.number}); the REST adapter writes it the API's way ({@code card[number]}). The message
 * never repeats the value: it may be a card or account number.
 */
public final class InvalidMethodDetails extends DomainException {
    public static final String CARD_NUMBER_INVALID = "card_number_invalid";
    public static final String CARD_EXPIRED = "card_expired";
    public static final String EXPIRY_INVALID = "expiry_invalid";
    public static final String CVC_INVALID = "cvc_invalid";
    public static final String ROUTING_NUMBER_INVALID = "routing_number_invalid";
    public static final String ACCOUNT_NUMBER_INVALID = "account_number_invalid";
    public static final String IBAN_INVALID = "iban_invalid";
    public static final String BIC_INVALID = "bic_invalid";
    public static final String ADDRESS_INVALID = "address_invalid";

    private InvalidMethodDetails(String code, String message, String field) {
        super(Kind.INVALID, code, message, field);
    }

    static InvalidMethodDetails of(String code, String field, String why) {
        return new InvalidMethodDetails(code, "{" + field + "} " + why, field);
    }
}
