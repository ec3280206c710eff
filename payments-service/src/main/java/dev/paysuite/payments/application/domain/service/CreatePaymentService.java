package dev.paysuite.payments.application.domain.service;

import dev.paysuite.kernel.Now;
import dev.paysuite.kernel.error.DomainException;
import dev.paysuite.kernel.error.ErrorCodes;
import dev.paysuite.kernel.id.PaymentId;
import dev.paysuite.kernel.tx.Transactions;
import dev.paysuite.payments.application.domain.model.AuthorizationResult;
import dev.paysuite.payments.application.domain.model.Payment;
import dev.paysuite.payments.application.domain.model.PaymentException;
import dev.paysuite.payments.application.domain.model.PaymentInstrument;
import dev.paysuite.payments.application.domain.model.PaymentSource;
import dev.paysuite.payments.application.port.in.CreatePaymentCommand;
import dev.paysuite.payments.application.port.in.CreatePaymentUseCase;
import dev.paysuite.payments.application.port.out.AuthorizationRequest;
import dev.paysuite.payments.application.port.out.AuthorizePaymentPort;
import dev.paysuite.payments.application.port.out.PublishPaymentEventPort;
import dev.paysuite.payments.application.port.out.ResolvePaymentMethodPort;
import dev.paysuite.payments.application.port.out.SavePaymentPort;
import java.time.Clock;
import java.util.List;

/** Opens a payment, asks the processor to authorize it, then saves it and announces it in one step. */
public class CreatePaymentService implements CreatePaymentUseCase {
    private final ResolvePaymentMethodPort paymentMethods;
    private final AuthorizePaymentPort processor;
    private final SavePaymentPort payments;
    private final PublishPaymentEventPort events;
    private final Transactions transactions;
    private final Clock clock;

    public CreatePaymentService(ResolvePaymentMethodPort paymentMethods, AuthorizePaymentPort processor,
            SavePaymentPort payments, PublishPaymentEventPort events, Transactions transactions, Clock clock) {
        this.paymentMethods = paymentMethods;
        this.processor = processor;
        this.payments = payments;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Payment create(CreatePaymentCommand command) {
        PaymentSource source = command.source();
        PaymentInstrument instrument = paymentMethods.resolve(command.merchantId(), command.livemode(), source)
                .orElseThrow(() -> new PaymentException(DomainException.Kind.NOT_FOUND, ErrorCodes.RESOURCE_MISSING,
                        "No such payment method: '" + source.value() + "'", source.field()));
        Payment.Change opened = Payment.open(PaymentId.generate(), command.merchantId(), command.livemode(),
                command.amount(), source, command.captureMethod(), instrument, command.description(),
                command.customerId(), command.metadata(), Now.of(clock));
        Payment payment = opened.payment();
        AuthorizationResult result = processor.authorize(new AuthorizationRequest(payment.id(), payment.merchantId(),
                payment.livemode(), payment.amount(), instrument, payment.captureMethod()));
        Payment.Change authorized = payment.authorize(result, Now.of(clock));
        transactions.inTransaction(() -> {
            payments.insert(authorized.payment());
            events.publish(List.of(opened.event(), authorized.event()));
        });
        return authorized.payment();
    }
}
