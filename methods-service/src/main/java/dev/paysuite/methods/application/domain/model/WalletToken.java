package dev.paysuite.methods.application.domain.model;

/**
 * The token a wallet (Apple Pay, Google Pay, PayPal) hands the merchant for one customer's account:
 * printable, without spaces, 8 to 4096 characters. Vault data like a card number.
 */
public final class WalletToken extends VaultSecret {
    public static final String CODE = "wallet_token_invalid";

    private WalletToken(String value) {
        super(value);
    }

    public static WalletToken parse(String typed, String field) {
        if (typed == null || typed.isEmpty()) {
            throw InvalidMethodDetails.of(CODE, field, "is required.");
        }
        if (typed.length() < 8 || typed.length() > 4096 || !typed.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw InvalidMethodDetails.of(CODE, field, "must be 8 to 4096 printable characters without spaces.");
        }
        return new WalletToken(typed);
    }

    public String value() {
        return secret();
    }

    @Override
    protected String label() {
        return "wallet token";
    }
}
