package dev.paysuite.payments.application.port.in;

import dev.paysuite.kernel.money.Money;
import dev.paysuite.payments.application.domain.model.PaymentInstrument;
import java.util.List;

public interface SeedDemoPaymentsUseCase {

    /** A past payment of the demo merchant's, with the instrument it was paid with as it was recorded then. */
    record DemoPayment(String id, Money amount, String paymentMethodId, PaymentInstrument instrument) {
    }

    /** Gives the demo merchant these succeeded test-mode payments, unless it has them already. */
    void seed(String merchantId, List<DemoPayment> payments);
}
