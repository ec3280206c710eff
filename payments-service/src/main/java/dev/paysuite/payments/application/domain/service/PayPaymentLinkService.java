package dev.paysuite.payments.application.domain.service;

import dev.paysuite.kernel.Metadata;
import dev.paysuite.kernel.Now;
import dev.paysuite.kernel.error.DomainException;
import dev.paysuite.kernel.error.ErrorCodes;
import dev.paysuite.kernel.id.PaymentId;
import dev.paysuite.kernel.id.PaymentLinkId;
import dev.paysuite.kernel.tx.Transactions;
import dev.paysuite.payments.application.domain.model.CaptureMethod;
import dev.paysuite.payments.application.domain.model.Payment;
import dev.paysuite.payments.application.domain.model.PaymentException;
import dev.paysuite.payments.application.domain.model.PaymentInstrument;
import dev.paysuite.payments.application.domain.model.PaymentLink;
import dev.paysuite.payments.application.domain.model.PaymentSource;
import dev.paysuite.payments.application.port.in.PayPaymentLinkUseCase;
import dev.paysuite.payments.application.port.in.PaymentRef;
import dev.paysuite.payments.application.port.out.LoadPaymentLinkPort;
import dev.paysuite.payments.application.port.out.LoadPaymentPort;
import dev.paysuite.payments.application.port.out.PublishPaymentEventPort;
import dev.paysuite.payments.application.port.out.ResolvePaymentMethodPort;
import dev.paysuite.payments.application.port.out.SavePaymentPort;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A customer pays a link on its page. The payment is an ordinary one (its events, webhooks and
 * refunds are a payment's), naming the link; it is opened in the same step that checks, under the
 * link's lock, that the link still takes it (a one-time link: no other attempt paid it), so two
 * customers paying a one-time link at once make one payment, never two. Card details never come
 * here: the gateway exchanged them with the vault for the token this is given.
 */
public class PayPaymentLinkService implements PayPaymentLinkUseCase {
    /** The simulated wallets a crypto link is paid from (test mode). */
    static final Map<String, String> SIMULATED_WALLETS = Map.of(PaymentInstrument.BITCOIN, "pm_test_bitcoin",
            PaymentInstrument.ETHEREUM, "pm_test_ethereum");
    static final String CARDHOLDER_METADATA = "cardholder_name";
    static final int MAX_CARDHOLDER = 200;

    private final LoadPaymentLinkPort links;
    private final LoadPaymentPort loadPayments;
    private final ResolvePaymentMethodPort paymentMethods;
    private final SavePaymentPort payments;
    private final PublishPaymentEventPort events;
    private final ProcessPaymentService processing;
    private final Transactions transactions;
    private final Clock clock;

    public PayPaymentLinkService(LoadPaymentLinkPort links, LoadPaymentPort loadPayments,
            ResolvePaymentMethodPort paymentMethods, SavePaymentPort payments, PublishPaymentEventPort events,
            ProcessPaymentService processing, Transactions transactions, Clock clock) {
        this.links = links;
        this.loadPayments = loadPayments;
        this.paymentMethods = paymentMethods;
        this.payments = payments;
        this.events = events;
        this.processing = processing;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Optional<HostedLink> find(PaymentLinkId id) {
        return links.loadById(id).map(link -> new HostedLink(link,
                link.unpayableReason(Now.of(clock), !link.reusable() && links.paid(List.of(id)).contains(id))));
    }

    @Override
    public Payment pay(PayCommand command) {
        PaymentLink link = links.loadById(command.link())
                .orElseThrow(() -> ManagePaymentLinksService.notFound(command.link().value()));
        String methodType = command.methodType() == null ? "" : command.methodType();
        Instant checked = Now.of(clock);
        link.requirePayable(checked, !link.reusable() && links.paid(List.of(link.id())).contains(link.id()), methodType);
        PaymentSource source = source(methodType, command.token());
        PaymentInstrument instrument = paymentMethods.resolve(link.merchantId(), link.livemode(), source)
                .orElseThrow(() -> new PaymentException(DomainException.Kind.NOT_FOUND, ErrorCodes.RESOURCE_MISSING,
                        "This payment method is not available.", "method"));
        if (!instrument.type().equals(methodType)) {
            throw PaymentException.invalid(ErrorCodes.PARAMETER_INVALID,
                    "The payment method is " + instrument.type() + ", not " + methodType + ".", "method");
        }
        Instant now = Now.of(clock);
        Payment.Change opened = Payment.open(PaymentId.generate(), link.merchantId(), link.livemode(), link.amount(),
                source, CaptureMethod.AUTOMATIC, instrument, link.description(), null,
                metadata(link, command.cardholder()), command.returnUrl(), link.id(), now);
        transactions.inTransaction(() -> {
            PaymentLink locked = links.loadForUpdate(link.id())
                    .orElseThrow(() -> ManagePaymentLinksService.notFound(link.id().value()));
            locked.requirePayable(now, !locked.reusable() && links.paid(List.of(locked.id())).contains(locked.id()),
                    methodType);
            payments.insert(opened.payment());
            events.publish(List.of(opened.event()));
        });
        return processing.process(opened.payment());
    }

    @Override
    public Optional<Payment> payment(PaymentLinkId linkId, PaymentId paymentId) {
        return links.loadById(linkId).flatMap(link -> loadPayments.load(
                new PaymentRef(link.merchantId(), link.livemode(), paymentId)))
                .filter(p -> linkId.equals(p.paymentLink()));
    }

    private static PaymentSource source(String methodType, String token) {
        if (PaymentInstrument.CARD.equals(methodType)) {
            if (token == null || token.isBlank()) {
                throw PaymentException.invalid(ErrorCodes.PARAMETER_MISSING, "Enter your card details.", "card");
            }
            return new PaymentSource.Token(token);
        }
        return PaymentSource.StoredMethod.of(SIMULATED_WALLETS.get(methodType));
    }

    private static Metadata metadata(PaymentLink link, String cardholder) {
        if (cardholder == null || cardholder.isBlank()) {
            return link.metadata();
        }
        if (cardholder.length() > MAX_CARDHOLDER) {
            throw PaymentException.invalid(ErrorCodes.PARAMETER_INVALID,
                    "The name on the card can be at most " + MAX_CARDHOLDER + " characters.", "cardholder");
        }
        if (link.metadata().values().size() >= Metadata.MAX_KEYS) {
            return link.metadata(); // no room: the name is not kept
        }
        Map<String, String> values = new LinkedHashMap<>(link.metadata().values());
        values.put(CARDHOLDER_METADATA, cardholder.strip());
        return Metadata.of(values);
    }
}
