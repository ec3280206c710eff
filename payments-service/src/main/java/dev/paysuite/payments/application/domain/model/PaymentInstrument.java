package dev.paysuite.payments.application.domain.model;

import dev.paysuite.kernel.money.CurrencyUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The instrument behind a payment method, as far as payments may know it: never the card number,
 * only brand, last four digits, expiry and the fingerprint that identifies the same card across
 * methods.
 */
public record PaymentInstrument(String type, String brand, String last4, Integer expMonth, Integer expYear,
        String fingerprint) {
    public static final String CARD = "card";
    public static final String BITCOIN = "bitcoin";
    public static final String ETHEREUM = "ethereum";
    /** Every type of payment method the vault keeps, as the API names them. */
    public static final List<String> TYPES = List.of(CARD, "apple_pay", "google_pay", "paypal", "ach_debit", "wire",
            BITCOIN, ETHEREUM);
    /** A crypto method pays in its own coin only. */
    private static final Map<String, String> COIN = Map.of(BITCOIN, "BTC", ETHEREUM, "ETH");

    public PaymentInstrument {
        Objects.requireNonNull(type, "type");
        if (last4 != null && !last4.matches("[0-9]{4}")) {
            throw new IllegalArgumentException("last4 must be four digits");
        }
    }

    public boolean isCard() {
        return CARD.equals(type);
    }

    /** Crypto methods pay only in their own coin; every other method (cards first) in fiat currencies. */
    public boolean accepts(CurrencyUnit currency) {
        String coin = COIN.get(type);
        return coin == null ? !currency.crypto() : coin.equals(currency.code());
    }
}
