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
import dev.paysuite.payments.application.port.out.TestClockExistsPort;
import java.time.Clock;
import java.time.Instant;
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
    private final TestClockExistsPort testClocks;

    /** Without test clocks: a payment naming one is refused as naming no such clock. */
    public CreatePaymentService(ResolvePaymentMethodPort paymentMethods, SavePaymentPort payments,
            PublishPaymentEventPort events, ProcessPaymentService processing, Transactions transactions, Clock clock) {
        this(paymentMethods, payments, events, processing, transactions, clock,
                (merchant, testClock) -> java.util.Optional.empty());
    }

    public CreatePaymentService(ResolvePaymentMethodPort paymentMethods, SavePaymentPort payments,
            PublishPaymentEventPort events, ProcessPaymentService processing, Transactions transactions, Clock clock,
            TestClockExistsPort testClocks) {
        this.testClocks = testClocks;
        this.paymentMethods = paymentMethods;
        this.payments = payments;
        this.events = events;
        this.processing = processing;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Payment create(CreatePaymentCommand command, Recorded recorded) {
        Instant clockTime = null;
        if (command.testClock() != null) {
            String id = command.testClock().value();
            clockTime = testClocks.frozenTime(command.merchantId(), command.testClock())
                    .orElseThrow(() -> PaymentException.invalid(ErrorCodes.RESOURCE_MISSING, "No such test clock"
                            + (id.length() <= 48 ? ": '" + id + "'" : "") + ".", CreatePaymentCommand.TEST_CLOCK_FIELD));
        }
        PaymentSource source = command.source();
        PaymentInstrument instrument = paymentMethods.resolve(command.merchantId(), command.livemode(), source)
                .orElseThrow(() -> new PaymentException(DomainException.Kind.NOT_FOUND, ErrorCodes.RESOURCE_MISSING,
                        "No such payment method: '" + source.value() + "'", source.field()));
        if (command.methodType() != null && !command.methodType().equals(instrument.type())) {
            throw PaymentException.invalid(ErrorCodes.PARAMETER_INVALID, "Invalid {"
                    + CreatePaymentCommand.METHOD_TYPE_FIELD + "}: the payment method is " + instrument.type()
                    + ", not " + command.methodType() + ".", CreatePaymentCommand.METHOD_TYPE_FIELD);
        }
        Payment.Change open = Payment.open(PaymentId.generate(), command.merchantId(), command.livemode(),
                command.amount(), source, command.captureMethod(), instrument, command.description(),
                command.customerId(), command.metadata(), command.returnUrl(), null, null, command.testClock(),
                Now.of(clock));
        // On a test clock the payment is created at the clock's time, so its authorization expires by it
        Payment.Change opened = clockTime == null ? open : open.createdAt(clockTime);
        transactions.inTransaction(() -> {
            payments.insert(opened.payment());
            events.publish(List.of(opened.event()));
            recorded.object(opened.payment().id());
        });
        return processing.process(opened.payment());
    }
}
