package dev.paysuite.payments.application.port.out;

import dev.paysuite.kernel.money.Money;

/** The processor's side of what happens to an authorization afterwards. */
public interface SettleAuthorizationPort {
    void capture(String processorReference, Money amount);

    /** Releases an authorization that will never be captured. */
    void voidAuthorization(String processorReference);
}
