package dev.paysuite.methods.application.domain.model;

import java.util.Set;

/**
 * The card networks told apart by the number's leading digits (the issuer identification number)
 * and its length. Ranges as the networks publish them; a number that matches none is
 * {@link #UNKNOWN}, which is not an error by itself: the issuer, not us, decides whether it exists.
 */
public enum CardBrand {
    AMEX("amex", Set.of(15)),
    DINERS("diners", Set.of(14, 16, 19)),
    DISCOVER("discover", Set.of(16, 17, 18, 19)),
    JCB("jcb", Set.of(16, 17, 18, 19)),
    MASTERCARD("mastercard", Set.of(16)),
    UNIONPAY("unionpay", Set.of(16, 17, 18, 19)),
    VISA("visa", Set.of(13, 16, 19)),
    UNKNOWN("unknown", Set.of(12, 13, 14, 15, 16, 17, 18, 19));

    private final String apiName;
    private final Set<Integer> lengths;

    CardBrand(String apiName, Set<Integer> lengths) {
        this.apiName = apiName;
        this.lengths = lengths;
    }

    public String apiName() {
        return apiName;
    }

    /** How many digits this network's numbers have. */
    public boolean allowsLength(int length) {
        return lengths.contains(length);
    }

    /** The CVC's length: four digits on the front of an American Express card, three elsewhere. */
    public int cvcLength() {
        return this == AMEX ? 4 : 3;
    }

    /** The network a number of digits belongs to, by its leading digits. */
    public static CardBrand of(String digits) {
        int two = prefix(digits, 2);
        int three = prefix(digits, 3);
        int four = prefix(digits, 4);
        int six = prefix(digits, 6);
        if (two == 34 || two == 37) {
            return AMEX;
        }
        if ((three >= 300 && three <= 305) || two == 36 || two == 38 || two == 39) {
            return DINERS;
        }
        if (four == 6011 || two == 65 || (three >= 644 && three <= 649) || (six >= 622126 && six <= 622925)) {
            return DISCOVER;
        }
        if (four >= 3528 && four <= 3589) {
            return JCB;
        }
        if ((two >= 51 && two <= 55) || (four >= 2221 && four <= 2720)) {
            return MASTERCARD;
        }
        if (two == 62) {
            return UNIONPAY;
        }
        if (digits.startsWith("4")) {
            return VISA;
        }
        return UNKNOWN;
    }

    private static int prefix(String digits, int n) {
        return digits.length() < n ? -1 : Integer.parseInt(digits.substring(0, n));
    }
}
