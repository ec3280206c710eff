package dev.paysuite.payments.application.domain.service;

import dev.paysuite.kernel.money.Money;
import dev.paysuite.payments.application.domain.model.AuthorizationResult;
import dev.paysuite.payments.application.domain.model.Payment;
import dev.paysuite.payments.application.domain.model.PaymentEvent;
import dev.paysuite.payments.application.domain.model.PaymentInstrument;
import dev.paysuite.payments.application.domain.model.PaymentSource;
import dev.paysuite.payments.application.port.in.PaymentRef;
import dev.paysuite.payments.application.port.out.AuthorizationRequest;
import dev.paysuite.payments.application.port.out.AuthorizePaymentPort;
import dev.paysuite.payments.application.port.out.LoadPaymentPort;
import dev.paysuite.payments.application.port.out.PublishPaymentEventPort;
import dev.paysuite.payments.application.port.out.ResolvePaymentMethodPort;
import dev.paysuite.payments.application.port.out.SavePaymentPort;
import dev.paysuite.payments.application.port.out.SettleAuthorizationPort;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** In-memory stand-ins for the out-ports, for fast tests of the application services. */
final class Fakes {
    private Fakes() {
    }

    static final class Payments implements LoadPaymentPort, SavePaymentPort {
        final Map<String, Payment> rows = new LinkedHashMap<>();

        @Override
        public Optional<Payment> load(PaymentRef ref) {
            return Optional.ofNullable(rows.get(ref.paymentId().value()))
                    .filter(p -> p.merchantId().equals(ref.merchantId()) && p.livemode() == ref.livemode());
        }

        @Override
        public Optional<Payment> loadForUpdate(PaymentRef ref) {
            return load(ref);
        }

        @Override
        public void insert(Payment payment) {
            if (rows.putIfAbsent(payment.id().value(), payment) != null) {
                throw new IllegalStateException("duplicate id");
            }
        }

        @Override
        public void update(Payment payment) {
            rows.replace(payment.id().value(), payment);
        }
    }

    static final class Events implements PublishPaymentEventPort {
        final List<PaymentEvent> published = new ArrayList<>();

        @Override
        public void publish(List<PaymentEvent> events) {
            published.addAll(events);
        }
    }

    static final class Methods implements ResolvePaymentMethodPort {
        final Map<String, PaymentInstrument> known = new LinkedHashMap<>();

        @Override
        public Optional<PaymentInstrument> resolve(String merchantId, boolean livemode, PaymentSource source) {
            return Optional.ofNullable(known.get(source.value()));
        }
    }

    static final class Processor implements AuthorizePaymentPort, SettleAuthorizationPort {
        AuthorizationResult next = new AuthorizationResult.Approved("ref_1");
        final List<String> calls = new ArrayList<>();

        @Override
        public AuthorizationResult authorize(AuthorizationRequest request) {
            calls.add("authorize " + request.amount().amount());
            return next;
        }

        @Override
        public AuthorizationResult completeAuthentication(String processorReference, AuthorizationRequest request) {
            calls.add("complete " + processorReference);
            return new AuthorizationResult.Approved(processorReference);
        }

        @Override
        public void capture(String processorReference, Money amount) {
            calls.add("capture " + processorReference + " " + amount.amount());
        }

        @Override
        public void voidAuthorization(String processorReference) {
            calls.add("void " + processorReference);
        }
    }
}
