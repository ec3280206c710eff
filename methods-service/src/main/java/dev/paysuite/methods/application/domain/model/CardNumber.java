package dev.paysuite.methods.application.domain.model;

/** A primary account number that passed the Luhn check and its network's length. */
public final class CardNumber extends VaultSecret {
    static final String FIELD = "card.number";

    private final CardBrand brand;

    private CardNumber(String digits, CardBrand brand) {
        super(digits);
        this.brand = brand;
    }

    /** Spaces and dashes between digit groups are allowed, as people type them. */
    public static CardNumber parse(String typed) {
        if (typed == null || typed.isBlank()) {
            throw InvalidMethodDetails.of(InvalidMethodDetails.CARD_NUMBER_INVALID, FIELD, "is required.");
        }
        String digits = typed.replace(" ", "").replace("-", "");
        if (!digits.chars().allMatch(c -> c >= '0' && c <= '9') || digits.length() < 12 || digits.length() > 19) {
            throw InvalidMethodDetails.of(InvalidMethodDetails.CARD_NUMBER_INVALID, FIELD,
                    "must be 12 to 19 digits.");
        }
        CardBrand brand = CardBrand.of(digits);
        if (!brand.allowsLength(digits.length())) {
            throw InvalidMethodDetails.of(InvalidMethodDetails.CARD_NUMBER_INVALID, FIELD,
                    "has the wrong number of digits for a " + brand.apiName() + " card.");
        }
        if (!luhn(digits)) {
            throw InvalidMethodDetails.of(InvalidMethodDetails.CARD_NUMBER_INVALID, FIELD,
                    "is not a valid card number (its check digit is wrong).");
        }
        return new CardNumber(digits, brand);
    }

    /** The Luhn (mod 10) check every card number's last digit satisfies. */
    static boolean luhn(String digits) {
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return sum % 10 == 0;
    }

    public CardBrand brand() {
        return brand;
    }

    /** The digits, for the vault's encryption and fingerprint only. */
    public String digits() {
        return secret();
    }

    @Override
    protected String label() {
        return brand.apiName();
    }
}
