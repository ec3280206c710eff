package dev.paysuite.gateway.application.domain.model;

/**
 * Card details given inline in a payment (seed 001's {@code payment_method} object), as the client
 * gave them: the vault, not the gateway, validates them. Never printed: {@link #toString()} names
 * the fields only, so a card in a log line, an exception or a failed assertion shows nothing.
 *
 * @param numberField which name the client gave the number under, {@code card_number} or its alias {@code number}
 */
public record InlineCard(Object number, String numberField, Object expMonth, Object expYear, Object cvc) {

    @Override
    public String toString() {
        return "InlineCard[" + numberField + "=<redacted>, exp_month=<redacted>, exp_year=<redacted>, cvc=<redacted>]";
    }
}
