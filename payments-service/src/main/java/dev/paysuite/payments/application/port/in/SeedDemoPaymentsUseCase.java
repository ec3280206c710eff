package dev.paysuite.payments.application.port.in;

import dev.paysuite.kernel.money.Money;
import java.util.List;

public interface SeedDemoPaymentsUseCase {

    record DemoPayment(String id, Money amount, String paymentMethodId) {
    }

    /** Gives the demo merchant these succeeded test-mode payments, unless it has them already. */
    void seed(String merchantId, List<DemoPayment> payments);
}
