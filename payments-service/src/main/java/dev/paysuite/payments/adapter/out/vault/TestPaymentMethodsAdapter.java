package dev.paysuite.payments.adapter.out.vault;

import dev.paysuite.kernel.error.DomainException;
import dev.paysuite.kernel.error.ErrorCodes;
import dev.paysuite.payments.application.domain.model.PaymentInstrument;
import dev.paysuite.payments.application.domain.model.PaymentSource;
import dev.paysuite.payments.application.port.out.ResolvePaymentMethodPort;
import dev.paysuite.payments.config.PaymentsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves the test payment methods and test tokens of test mode (seed 002's {@code pm_test_*},
 * the usual {@code tok_*}, and the crypto wallets {@code pm_test_bitcoin} and
 * {@code pm_test_ethereum}) and the demo merchant's stored methods that seed 002's examples use.
 * Stored methods of real customers live in the vault (methods-service); until that adapter is
 * wired, any other id is unknown, and live mode resolves nothing.
 */
@ApplicationScoped
public class TestPaymentMethodsAdapter implements ResolvePaymentMethodPort {
    private static final int TEST_EXPIRY_YEAR = 2034;

    private record TestCard(String brand, String last4, int expMonth, int expYear) {
    }

    private static final TestCard VISA = new TestCard("visa", "4242", 12, TEST_EXPIRY_YEAR);

    private static final Map<String, TestCard> METHODS = Map.of(
            "pm_test_success", VISA,
            "pm_test_decline", new TestCard("visa", "0002", 12, TEST_EXPIRY_YEAR),
            "pm_test_insufficient_funds", new TestCard("visa", "9995", 12, TEST_EXPIRY_YEAR),
            "pm_test_expired", new TestCard("visa", "0069", 1, 2020),
            "pm_test_3ds_required", new TestCard("visa", "3155", 12, TEST_EXPIRY_YEAR),
            "pm_test_refund_failure", new TestCard("visa", "5126", 12, TEST_EXPIRY_YEAR),
            "pm_test_answer_lost", new TestCard("visa", "9979", 12, TEST_EXPIRY_YEAR),
            "pm_test_crash_after_charge", new TestCard("visa", "9987", 12, TEST_EXPIRY_YEAR));

    /** Test wallets: the simulator approves every crypto payment. */
    private static final Map<String, String> WALLETS = Map.of(
            "pm_test_bitcoin", PaymentInstrument.BITCOIN,
            "pm_test_ethereum", PaymentInstrument.ETHEREUM);

    private static final Map<String, TestCard> TOKENS = Map.of(
            "tok_visa", VISA,
            "tok_mastercard", new TestCard("mastercard", "4444", 12, TEST_EXPIRY_YEAR),
            "tok_amex", new TestCard("amex", "8431", 12, TEST_EXPIRY_YEAR),
            "tok_visa_debit", new TestCard("visa", "5556", 12, TEST_EXPIRY_YEAR),
            "tok_chargeDeclined", new TestCard("visa", "0002", 12, TEST_EXPIRY_YEAR),
            "tok_chargeDeclinedInsufficientFunds", new TestCard("visa", "9995", 12, TEST_EXPIRY_YEAR),
            "tok_chargeDeclinedExpiredCard", new TestCard("visa", "0069", 1, 2020),
            "tok_threeDSecureRequired", new TestCard("visa", "3155", 12, TEST_EXPIRY_YEAR),
            "tok_refundFailure", new TestCard("visa", "5126", 12, TEST_EXPIRY_YEAR));

    private final Set<String> demoMethods;
    private final String demoMerchant;

    public TestPaymentMethodsAdapter(PaymentsConfig config) {
        this.demoMethods = config.demo().enabled() ? Set.copyOf(config.demo().paymentMethods()) : Set.of();
        this.demoMerchant = config.demo().merchantId();
    }

    /** Test mode: a method whose vault cannot be reached, so the answer to a failure before anything is recorded can be tried. */
    static final String VAULT_UNAVAILABLE = "pm_test_vault_unavailable";

    @Override
    public Optional<PaymentInstrument> resolve(String merchantId, boolean livemode, PaymentSource source) {
        if (!livemode && VAULT_UNAVAILABLE.equals(source.value())) {
            throw new DomainException(DomainException.Kind.UNAVAILABLE, ErrorCodes.SERVICE_UNAVAILABLE,
                    "The payment method cannot be read right now. Nothing was charged; retry shortly.", null);
        }
        if (livemode) {
            return Optional.empty();
        }
        String wallet = source instanceof PaymentSource.StoredMethod ? WALLETS.get(source.value()) : null;
        if (wallet != null) {
            return Optional.of(new PaymentInstrument(wallet, null, null, null, null, null));
        }
        TestCard card = source instanceof PaymentSource.Token
                ? TOKENS.get(source.value())
                : METHODS.getOrDefault(source.value(),
                        demoMerchant.equals(merchantId) && demoMethods.contains(source.value()) ? VISA : null);
        return Optional.ofNullable(card).map(c -> new PaymentInstrument(PaymentInstrument.CARD, c.brand(), c.last4(),
                c.expMonth(), c.expYear(), fingerprint(c)));
    }

    private static String fingerprint(TestCard card) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("test-card:" + card.brand() + ":" + card.last4()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
