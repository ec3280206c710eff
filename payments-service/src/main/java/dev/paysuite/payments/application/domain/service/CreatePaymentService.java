package dev.paysuite.payments.application.domain.service;

import dev.paysuite.kernel.Now;
import dev.paysuite.kernel.error.DomainException;
import dev.paysuite.kernel.error.ErrorCodes;
import dev.paysuite.kernel.id.PaymentId;
import dev.paysuite.kernel.tx.Recorded;
import dev.paysuite.kernel.tx.Transactions;
import dev.paysuite.payments.application.domain.model.Payment;
import dev.paysuite.payments.application.domain.model.PaymentException;
import dev.paysuite.payments.application.domain.model.PaymentInstrument;
import dev.paysuite.payments.application.domain.model.PaymentSource;
import dev.paysuite.payments.application.port.in.CreatePaymentCommand;
import dev.paysuite.payments.application.port.in.CreatePaymentUseCase;
import dev.paysuite.payments.application.port.out.PublishPaymentEventPort;
import dev.paysuite.payments.application.port.out.ResolvePaymentMethodPort;
import dev.paysuite.payments.application.port.out.SavePaymentPort;
import java.time.Clock;
import java.util.List;

/**
 * Opens a payment in two steps around the processor: the payment is recorded processing (and
 * announced) before the processor is asked, so a crash in between loses nothing and a retry does
 * not charge again; the processor's answer is recorded after ({@link ProcessPaymentService}).
 */
public class CreatePaymentService implements CreatePaymentUseCase {
    private final ResolvePaymentMethodPort paymentMethods;
    private final SavePaymentPort payments;
    private final PublishPaymentEventPort events;
    private final ProcessPaymentService processing;
    private final Transactions transactions;
    private final Clock clock;

    public CreatePaymentService(ResolvePaymentMethodPort paymentMethods, SavePaymentPort payments,
            PublishPaymentEventPort events, ProcessPaymentService processing, Transactions transactions, Clock clock) {
        this.paymentMethods = paymentMethods;
        this.payments = payments;
        this.events = events;
        this.processing = processing;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Payment create(CreatePaymentCommand command, Recorded recorded) {
        PaymentSource source = command.source();
        PaymentInstrument instrument = paymentMethods.resolve(command.merchantId(), command.livemode(), source)
                .orElseThrow(() -> new PaymentException(DomainException.Kind.NOT_FOUND, ErrorCodes.RESOURCE_MISSING,
                        "No such payment method: '" + source.value() + "'", source.field()));
        if (command.methodType() != null && !command.methodType().equals(instrument.type())) {
            throw PaymentException.invalid(ErrorCodes.PARAMETER_INVALID, "Invalid {"
                    + CreatePaymentCommand.METHOD_TYPE_FIELD + "}: the payment method is " + instrument.type()
                    + ", not " + command.methodType() + ".", CreatePaymentCommand.METHOD_TYPE_FIELD);
        }
        Payment.Change opened = Payment.open(PaymentId.generate(), command.merchantId(), command.livemode(),
                command.amount(), source, command.captureMethod(), instrument, command.description(),
                command.customerId(), command.metadata(), command.returnUrl(), Now.of(clock));
        transactions.inTransaction(() -> {
            payments.insert(opened.payment());
            events.publish(List.of(opened.event()));
            recorded.object(opened.payment().id());
        });
        return processing.process(opened.payment());
    }
}
