package dev.paysuite.methods.application.domain.service;

import dev.paysuite.kernel.Metadata;
import dev.paysuite.kernel.id.PaymentMethodId;
import dev.paysuite.kernel.tx.Transactions;
import dev.paysuite.methods.application.domain.model.MethodDetails;
import dev.paysuite.methods.application.domain.model.MethodStatus;
import dev.paysuite.methods.application.domain.model.PaymentMethod;
import dev.paysuite.methods.application.domain.model.TestMethods;
import dev.paysuite.methods.application.domain.model.VaultToken;
import dev.paysuite.methods.application.port.in.SeedTestMethodsUseCase;
import dev.paysuite.methods.application.port.out.PaymentMethodStore;
import dev.paysuite.methods.application.port.out.TokenStore;
import dev.paysuite.methods.application.port.out.VaultPort;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/**
 * Seals the test cards into the vault as the shared test aliases and tokens (no merchant: every
 * merchant's test mode sees them) and, when there is a demo merchant, as its stored methods. Runs at
 * every start and adds only what is missing, so instances starting together converge.
 */
public class SeedTestMethodsService implements SeedTestMethodsUseCase {
    private final PaymentMethodStore methods;
    private final TokenStore tokens;
    private final VaultPort vault;
    private final Transactions transactions;
    private final Clock clock;

    public SeedTestMethodsService(PaymentMethodStore methods, TokenStore tokens, VaultPort vault,
            Transactions transactions, Clock clock) {
        this.methods = methods;
        this.tokens = tokens;
        this.vault = vault;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public int seed(String demoMerchantId) {
        int added = 0;
        for (Map.Entry<String, TestMethods.TestCard> e : TestMethods.METHODS.entrySet()) {
            added += method(e.getKey(), null, e.getValue().details());
        }
        for (Map.Entry<String, MethodDetails.Crypto> e : TestMethods.WALLETS.entrySet()) {
            added += method(e.getKey(), null, e.getValue());
        }
        for (Map.Entry<String, TestMethods.TestCard> e : TestMethods.TOKENS.entrySet()) {
            added += token(e.getKey(), e.getValue().details());
        }
        if (demoMerchantId != null) {
            for (String id : TestMethods.DEMO_METHODS) {
                added += method(id, demoMerchantId, TestMethods.METHODS.get("pm_test_success").details());
            }
        }
        return added;
    }

    private int method(String id, String merchantId, MethodDetails details) {
        PaymentMethodId methodId = new PaymentMethodId(id);
        if (methods.exists(methodId)) {
            return 0;
        }
        return transactions.inTransaction(() -> {
            Instant now = clock.instant();
            VaultPort.Sealed sealed = details.secret().map(vault::seal).orElse(null);
            methods.insert(new PaymentMethod(methodId, merchantId, false, details.type(), details.shown(),
                    Metadata.EMPTY, sealed == null ? null : sealed.recordId(),
                    sealed == null ? null : sealed.secretHash(), null, MethodStatus.USABLE, now, now, null));
            return 1;
        });
    }

    private int token(String id, MethodDetails details) {
        if (tokens.exists(id)) {
            return 0;
        }
        return transactions.inTransaction(() -> {
            VaultPort.Sealed sealed = vault.seal(details.secret().orElseThrow());
            return tokens.insert(new VaultToken(id, null, false, details.type(), details.shown(), sealed.recordId(),
                    sealed.secretHash(), null, clock.instant())) ? 1 : 0;
        });
    }
}
