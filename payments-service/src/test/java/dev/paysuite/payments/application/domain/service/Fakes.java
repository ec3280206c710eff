package dev.paysuite.payments.application.domain.service;

import dev.paysuite.kernel.error.ProcessorOutcomeUnknownException;
import dev.paysuite.kernel.testing.InlineTransactions;
import dev.paysuite.kernel.id.PaymentId;
import dev.paysuite.kernel.id.TestClockId;
import dev.paysuite.payments.application.domain.model.AuthenticationChallenge;
import dev.paysuite.payments.application.domain.model.AuthorizationResult;
import dev.paysuite.payments.application.domain.model.Failure;
import dev.paysuite.payments.application.domain.model.Payment;
import dev.paysuite.payments.application.domain.model.PaymentEvent;
import dev.paysuite.payments.application.domain.model.PaymentInstrument;
import dev.paysuite.payments.application.domain.model.PaymentSource;
import dev.paysuite.payments.application.domain.model.PaymentStatus;
import dev.paysuite.payments.application.port.in.PaymentRef;
import dev.paysuite.payments.application.port.out.AuthenticationChallengePort;
import dev.paysuite.payments.application.port.out.LoadPaymentPort;
import dev.paysuite.payments.application.port.out.PaymentProcessorPort;
import dev.paysuite.payments.application.port.out.ProcessorRequest;
import dev.paysuite.payments.application.port.out.PublishPaymentEventPort;
import dev.paysuite.payments.application.port.out.ResolvePaymentMethodPort;
import dev.paysuite.payments.application.port.out.SavePaymentPort;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
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
        public List<Payment> processingSince(Instant before, int atMost) {
            return rows.values().stream().filter(p -> p.status() == PaymentStatus.PROCESSING)
                    .filter(p -> p.pending().submittedAt().isBefore(before))
                    .sorted(Comparator.comparing(p -> p.pending().submittedAt())).limit(atMost).toList();
        }

        @Override
        public List<Payment> heldSince(TestClockId clock, Instant createdAtOrBefore, int atMost) {
            return rows.values().stream().filter(p -> p.status() == PaymentStatus.REQUIRES_CAPTURE)
                    .filter(p -> java.util.Objects.equals(p.testClock(), clock))
                    .filter(p -> !p.createdAt().isAfter(createdAtOrBefore))
                    .sorted(Comparator.comparing(Payment::createdAt)).limit(atMost).toList();
        }

        @Override
        public Optional<Instant> oldestHeldOn(TestClockId clock) {
            return rows.values().stream().filter(p -> p.status() == PaymentStatus.REQUIRES_CAPTURE)
                    .filter(p -> clock.equals(p.testClock())).map(Payment::createdAt).min(Comparator.naturalOrder());
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

    /**
     * An acquirer that does what a key asks at most once and remembers it; it can lose its answer
     * (the charge happens, the caller never hears) or be asked nothing at all.
     */
    static final class Processor implements PaymentProcessorPort {
        AuthorizationResult next = new AuthorizationResult.Approved("ref_1");
        /** The issuer: an authorization that asks for 3-D Secure sets a challenge there, whose answer completes it. */
        final Challenges issuer = new Challenges();
        boolean loseTheNextAnswer;
        boolean dropTheNextRequest;
        /** When set, a call made while a step's transaction is open fails the test. */
        InlineTransactions transactions;
        final List<String> calls = new ArrayList<>();
        /** Every request the port received, as it received it. */
        final List<ProcessorRequest> requests = new ArrayList<>();
        final Map<String, AuthorizationResult> done = new LinkedHashMap<>();

        @Override
        public AuthorizationResult submit(ProcessorRequest request) {
            if (transactions != null && transactions.inStep()) {
                throw new AssertionError("the processor was called inside a transaction");
            }
            requests.add(request);
            calls.add(switch (request.operation()) {
                case AUTHORIZE -> "authorize " + request.amount().amount();
                case COMPLETE_AUTHENTICATION -> "complete " + request.processorReference();
                case CAPTURE -> "capture " + request.processorReference() + " " + request.amount().amount();
                case VOID -> "void " + request.processorReference();
            });
            if (dropTheNextRequest) {
                dropTheNextRequest = false;
                throw new ProcessorOutcomeUnknownException("never reached the acquirer", null);
            }
            AuthorizationResult result = done.computeIfAbsent(request.acquirerKey(), k -> switch (request.operation()) {
                case AUTHORIZE -> {
                    if (next instanceof AuthorizationResult.ActionRequired) {
                        issuer.set(request);
                    }
                    yield next;
                }
                case COMPLETE_AUTHENTICATION -> issuer.challengeOf(request.paymentId())
                        .filter(c -> c.state() == AuthenticationChallenge.State.FAILED).isPresent()
                        ? new AuthorizationResult.Declined(request.processorReference(),
                                new Failure("payment_authentication_failed", null, "3-D Secure failed"))
                        : new AuthorizationResult.Approved(request.processorReference());
                default -> new AuthorizationResult.Approved(request.processorReference());
            });
            if (loseTheNextAnswer) {
                loseTheNextAnswer = false;
                throw new ProcessorOutcomeUnknownException("lost", null);
            }
            return result;
        }

        @Override
        public Optional<AuthorizationResult> lookup(String acquirerKey) {
            calls.add("lookup " + acquirerKey);
            return Optional.ofNullable(done.get(acquirerKey));
        }

        /** How many times money was asked for: each key counts once, however often it was sent. */
        long charges() {
            return done.size();
        }
    }

    /** The issuer's 3-D Secure challenges: answered once, kept outside any step (no @ChangesState). */
    static final class Challenges implements AuthenticationChallengePort {
        final Map<String, AuthenticationChallenge> byId = new LinkedHashMap<>();

        void set(ProcessorRequest request) {
            String id = "3ds_" + request.paymentId().value();
            byId.putIfAbsent(id, new AuthenticationChallenge(id, request.paymentId(), request.merchantId(),
                    request.livemode(), AuthenticationChallenge.State.PENDING, Instant.EPOCH, null));
        }

        @Override
        public Optional<AuthenticationChallenge> challenge(String challengeId) {
            return Optional.ofNullable(byId.get(challengeId));
        }

        @Override
        public Optional<AuthenticationChallenge> challengeOf(PaymentId payment) {
            return byId.values().stream().filter(c -> c.paymentId().equals(payment)).findFirst();
        }

        @Override
        public boolean answer(String challengeId, boolean approved, Instant at) {
            AuthenticationChallenge c = byId.get(challengeId);
            if (c == null || c.isAnswered()) {
                return false;
            }
            byId.put(challengeId, new AuthenticationChallenge(c.id(), c.paymentId(), c.merchantId(), c.livemode(),
                    approved ? AuthenticationChallenge.State.APPROVED : AuthenticationChallenge.State.FAILED,
                    c.createdAt(), at));
            return true;
        }
    }
}
