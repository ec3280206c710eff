package dev.paysuite.methods.application.domain.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The payment methods and tokens of test mode (seed 002's {@code pm_test_*}, the usual {@code tok_*},
 * seed 000's {@code card_token_*}) and the demo merchant's stored methods that seed 002's examples
 * charge. Their cards are the published test numbers; the simulator's outcome follows the last four.
 * They live in the vault like any other card (sealed, shown as brand and last four).
 */
public final class TestMethods {
    /** Seed 000's tokens ({@code card_token_123}) stand for this test token. */
    public static final String CARD_TOKEN_PREFIX = "card_token_";
    public static final String CARD_TOKEN_STANDS_FOR = "tok_visa";
    public static final List<String> DEMO_METHODS = List.of("pm_1234567890", "pm_0987654321");
    private static final int YEAR = 2034;

    /** A test card: its number and expiry (some are expired on purpose). */
    public record TestCard(String number, int expMonth, int expYear) {
        public MethodDetails.Card details() {
            return new MethodDetails.Card(CardNumber.parse(number), new CardExpiry(expMonth, expYear));
        }

        @Override
        public String toString() {
            return "TestCard[…" + number.substring(number.length() - 4) + "]";
        }
    }

    static final TestCard VISA = new TestCard("4242424242424242", 12, YEAR);

    public static final Map<String, TestCard> METHODS = ordered(
            "pm_test_success", VISA,
            "pm_test_decline", new TestCard("4000000000000002", 12, YEAR),
            "pm_test_insufficient_funds", new TestCard("4000000000009995", 12, YEAR),
            "pm_test_expired", new TestCard("4000000000000069", 1, 2020),
            "pm_test_3ds_required", new TestCard("4000002500003155", 12, YEAR),
            "pm_test_refund_failure", new TestCard("4000000000005126", 12, YEAR),
            "pm_test_answer_lost", new TestCard("4000000000009979", 12, YEAR),
            "pm_test_crash_after_charge", new TestCard("4000000000009987", 12, YEAR),
            "pm_test_dispute", new TestCard("4000000000000259", 12, YEAR),
            "pm_test_dispute_product_not_received", new TestCard("4000000000002685", 12, YEAR));

    /** Test wallets: the simulator approves every crypto payment. */
    public static final Map<String, MethodDetails.Crypto> WALLETS = Map.of(
            "pm_test_bitcoin", new MethodDetails.Crypto(MethodType.BITCOIN, "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq"),
            "pm_test_ethereum", new MethodDetails.Crypto(MethodType.ETHEREUM, "0x52908400098527886E0F7030069857D2E4169EE7"));

    public static final Map<String, TestCard> TOKENS = ordered(
            "tok_visa", VISA,
            "tok_mastercard", new TestCard("5555555555554444", 12, YEAR),
            "tok_amex", new TestCard("371449635398431", 12, YEAR),
            "tok_visa_debit", new TestCard("4000056655665556", 12, YEAR),
            "tok_chargeDeclined", new TestCard("4000000000000002", 12, YEAR),
            "tok_chargeDeclinedInsufficientFunds", new TestCard("4000000000009995", 12, YEAR),
            "tok_chargeDeclinedExpiredCard", new TestCard("4000000000000069", 1, 2020),
            "tok_threeDSecureRequired", new TestCard("4000002500003155", 12, YEAR),
            "tok_refundFailure", new TestCard("4000000000005126", 12, YEAR),
            "tok_createDispute", new TestCard("4000000000000259", 12, YEAR),
            "tok_createDisputeProductNotReceived", new TestCard("4000000000002685", 12, YEAR));

    private TestMethods() {
    }

    /** The test token a reference stands for: seed 000's {@code card_token_*} are test visas. */
    public static String tokenFor(String ref) {
        return ref.startsWith(CARD_TOKEN_PREFIX) ? CARD_TOKEN_STANDS_FOR : ref;
    }

    private static Map<String, TestCard> ordered(Object... pairs) {
        Map<String, TestCard> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], (TestCard) pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }
}
