package dev.paysuite.payments.application.domain.service;

import dev.paysuite.payments.application.domain.model.AuthorizationResult;
import dev.paysuite.payments.application.domain.model.Payment;
import dev.paysuite.payments.application.domain.model.PaymentErrorCodes;
import dev.paysuite.payments.application.domain.model.PaymentException;
import dev.paysuite.payments.application.domain.model.PaymentId;
import dev.paysuite.payments.application.domain.model.PaymentInstrument;
import dev.paysuite.payments.application.port.in.CreatePaymentCommand;
import dev.paysuite.payments.application.port.in.CreatePaymentUseCase;
import dev.paysuite.payments.application.port.out.AuthorizationRequest;
import dev.paysuite.payments.application.port.out.AuthorizePaymentPort;
import dev.paysuite.payments.application.port.out.PublishPaymentEventPort;
import dev.paysuite.payments.application.port.out.ResolvePaymentMethodPort;
import dev.paysuite.payments.application.port.out.SavePaymentPort;
import java.time.Clock;
import java.util.List;

public class CreatePaymentService implements CreatePaymentUseCase {
    private final ResolvePaymentMethodPort paymentMethods;
    private final AuthorizePaymentPort processor;
    private final SavePaymentPort payments;
    private final PublishPaymentEventPort events;
    private final Clock clock;

    public CreatePaymentService(ResolvePaymentMethodPort paymentMethods, AuthorizePaymentPort processor,
            SavePaymentPort payments, PublishPaymentEventPort events, Clock clock) {
        this.paymentMethods = paymentMethods;
        this.processor = processor;
        this.payments = payments;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public Payment create(CreatePaymentCommand command) {
        PaymentInstrument instrument = paymentMethods.resolve(command.merchantId(), command.livemode(), command.source())
                .orElseThrow(() -> new PaymentException(PaymentException.Kind.NOT_FOUND,
                        PaymentErrorCodes.PAYMENT_METHOD_NOT_FOUND,
                        "No such payment method: '" + command.source().value() + "'", command.source().param()));
        Payment.Change opened = Payment.open(PaymentId.generate(), command.merchantId(), command.livemode(),
                command.amount(), command.source(), command.captureMethod(), instrument, command.description(),
                command.customerId(), command.metadata(), Now.of(clock));
        Payment payment = opened.payment();
        AuthorizationResult result = processor.authorize(new AuthorizationRequest(payment.id(), payment.merchantId(),
                payment.livemode(), payment.amount(), instrument, payment.captureMethod()));
        Payment.Change authorized = payment.authorize(result, Now.of(clock));
        payments.insert(authorized.payment());
        events.publish(List.of(opened.event(), authorized.event()));
        return authorized.payment();
    }
}
