package dev.paysuite.payments.application.domain.service;

import dev.paysuite.kernel.Metadata;
import dev.paysuite.kernel.Now;
import dev.paysuite.kernel.id.PaymentId;
import dev.paysuite.kernel.tx.Transactions;
import dev.paysuite.payments.application.domain.model.AuthorizationResult;
import dev.paysuite.payments.application.domain.model.CaptureMethod;
import dev.paysuite.payments.application.domain.model.Payment;
import dev.paysuite.payments.application.domain.model.PaymentInstrument;
import dev.paysuite.payments.application.domain.model.PaymentSource;
import dev.paysuite.payments.application.port.in.PaymentRef;
import dev.paysuite.payments.application.port.in.SeedDemoPaymentsUseCase;
import dev.paysuite.payments.application.port.out.LoadPaymentPort;
import dev.paysuite.payments.application.port.out.PublishPaymentEventPort;
import dev.paysuite.payments.application.port.out.SavePaymentPort;
import java.time.Clock;
import java.util.List;

/**
 * The demo merchant's starting payments, made the way real ones are (opened, approved, announced
 * on payments.events) but with the fixed ids seed 002's examples use; each in a step of its own.
 * They are history: the instrument each was paid with comes with it, as a payment records it, so
 * seeding asks the vault nothing (it runs at startup, with no caller whose identity could be passed on).
 */
public class SeedDemoPaymentsService implements SeedDemoPaymentsUseCase {
    private final LoadPaymentPort load;
    private final SavePaymentPort save;
    private final PublishPaymentEventPort events;
    private final Transactions transactions;
    private final Clock clock;

    public SeedDemoPaymentsService(LoadPaymentPort load, SavePaymentPort save, PublishPaymentEventPort events,
            Transactions transactions, Clock clock) {
        this.load = load;
        this.save = save;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public void seed(String merchantId, List<DemoPayment> payments) {
        for (int i = 0; i < payments.size(); i++) {
            DemoPayment demo = payments.get(i);
            // As seed 002's examples show them: its first payment is order #12345 of customer cust_abc123
            String order = String.valueOf(12345 + i);
            if (load.load(new PaymentRef(merchantId, false, demo.id())).isPresent()) {
                continue;
            }
            PaymentSource source = PaymentSource.StoredMethod.of(demo.paymentMethodId());
            PaymentInstrument instrument = demo.instrument();
            Payment.Change opened = Payment.open(new PaymentId(demo.id()), merchantId, false, demo.amount(), source,
                    CaptureMethod.AUTOMATIC, instrument, "Payment for order #" + order, null,
                    Metadata.of(java.util.Map.of("order_id", order, "customer_id", "cust_abc123")), Now.of(clock));
            Payment.Change approved = opened.payment()
                    .recordOutcome(new AuthorizationResult.Approved("sim_demo_" + demo.id()), Now.of(clock));
            transactions.inTransaction(() -> {
                save.insert(approved.payment());
                events.publish(List.of(opened.event(), approved.event()));
            });
        }
    }
}
