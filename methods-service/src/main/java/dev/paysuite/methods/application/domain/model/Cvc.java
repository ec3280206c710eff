package dev.paysuite.methods.application.domain.model;

/** The card verification code's rule. It is checked and passed on, never kept, so it has no type of its own. */
public final class Cvc {
    static final String FIELD = "card.cvc";

    private Cvc() {
    }

    /** Three digits, four for American Express; absent is allowed (not every channel collects it). */
    public static void check(String cvc, CardBrand brand) {
        if (cvc == null) {
            return;
        }
        int length = brand.cvcLength();
        if (cvc.length() != length || !cvc.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw InvalidMethodDetails.of(InvalidMethodDetails.CVC_INVALID, FIELD,
                    "must be " + length + " digits for a " + brand.apiName() + " card.");
        }
    }
}
