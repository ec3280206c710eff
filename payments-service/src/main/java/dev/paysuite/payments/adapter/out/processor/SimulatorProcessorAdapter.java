package dev.paysuite.payments.adapter.out.processor;

import dev.paysuite.kernel.error.ProcessorOutcomeUnknownException;
import dev.paysuite.kernel.id.Ids;
import dev.paysuite.payments.application.domain.model.AuthenticationChallenge;
import dev.paysuite.payments.application.domain.model.AuthorizationResult;
import dev.paysuite.payments.application.domain.model.CaptureMethod;
import dev.paysuite.payments.application.domain.model.Failure;
import dev.paysuite.payments.application.domain.model.NextAction;
import dev.paysuite.payments.application.domain.model.PaymentErrorCodes;
import dev.paysuite.payments.application.domain.model.PendingOperation;
import dev.paysuite.payments.application.port.out.PaymentProcessorPort;
import dev.paysuite.payments.application.port.out.ProcessorRequest;
import dev.paysuite.payments.config.PaymentsConfig;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The processor we ship: a deterministic simulator of a card acquirer, driven by the usual test
 * cards (by their last four digits, since payments never sees a card number). Like a real acquirer
 * it does what an acquirer key asks at most once and remembers it (table {@code simulator_operations},
 * written outside any transaction of ours, as the acquirer's own books would be): asking again under
 * the same key, or looking the key up, answers what it did the first time. Card …3155's issuer asks
 * for 3-D Secure ({@link SimulatedIssuer}): the authorization answers with the challenge page, and
 * completing the authentication answers the payer's verdict there. A charge of card …0259 or …2685
 * is disputed a few seconds after it settles ({@link SimulatedDisputes}). A real acquirer adapter
 * implements the same port beside it.
 */
@ApplicationScoped
public class SimulatorProcessorAdapter implements PaymentProcessorPort {
    private static final Logger LOG = Logger.getLogger(SimulatorProcessorAdapter.class);
    private static final Map<String, Failure> DECLINES = Map.of(
            "0002", new Failure(PaymentErrorCodes.CARD_DECLINED, "generic_decline", "Your card was declined."),
            "9995", new Failure(PaymentErrorCodes.CARD_DECLINED, PaymentErrorCodes.INSUFFICIENT_FUNDS,
                    "Your card has insufficient funds."),
            "0069", new Failure(PaymentErrorCodes.EXPIRED_CARD, PaymentErrorCodes.EXPIRED_CARD,
                    "Your card has expired."));
    /** 4000002500003155: the issuer asks for 3-D Secure. */
    static final String THREE_D_SECURE = "3155";
    /** The acquirer charges, but its answer never arrives: the payment stays processing until looked up. */
    static final String ANSWER_LOST = "9979";
    /** With fault injection on, the process dies right after the acquirer charged (between the two phases). */
    static final String CRASH_AFTER_CHARGE = "9987";

    static final Failure AUTHENTICATION_FAILED = new Failure(PaymentErrorCodes.AUTHENTICATION_FAILED, null,
            "The customer failed 3-D Secure authentication, so the card issuer declined the payment.");

    private final PaymentsConfig config;
    private final AgroalDataSource dataSource;
    private final SimulatedIssuer issuer;
    private final SimulatedDisputes disputes;

    public SimulatorProcessorAdapter(PaymentsConfig config, AgroalDataSource dataSource, SimulatedIssuer issuer,
            SimulatedDisputes disputes) {
        this.config = config;
        this.dataSource = dataSource;
        this.issuer = issuer;
        this.disputes = disputes;
    }

    @Override
    public AuthorizationResult submit(ProcessorRequest request) {
        String last4 = request.instrument() == null ? null : request.instrument().last4();
        boolean first = remember(request, decide(request, last4));
        AuthorizationResult done = lookup(request.acquirerKey())
                .orElseThrow(() -> new IllegalStateException("the simulator lost " + request.acquirerKey()));
        if (first && request.operation() == PendingOperation.Operation.AUTHORIZE) {
            if (ANSWER_LOST.equals(last4)) {
                throw new ProcessorOutcomeUnknownException("the simulated acquirer's answer was lost", null);
            }
            if (CRASH_AFTER_CHARGE.equals(last4) && config.simulator().crashAfterCharge()) {
                LOG.warnf("Fault injection: payment-service dies after the acquirer charged %s", request.acquirerKey());
                Runtime.getRuntime().halt(137);
            }
        }
        if (done instanceof AuthorizationResult.Approved && settles(request)) {
            disputes.settled(request); // a disputed test card's cardholder disputes the charge (once)
        }
        return done;
    }

    /** A charge that moves the money: an authorization captured at once, or a capture. */
    private static boolean settles(ProcessorRequest request) {
        return request.operation() == PendingOperation.Operation.CAPTURE
                || request.operation() == PendingOperation.Operation.AUTHORIZE
                        && request.captureMethod() == CaptureMethod.AUTOMATIC;
    }

    @Override
    public Optional<AuthorizationResult> lookup(String acquirerKey) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                SELECT outcome, reference, failure_code, decline_code, failure_message, next_action_url
                FROM simulator_operations WHERE acquirer_key = ?""")) {
            ps.setString(1, acquirerKey);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                String reference = rs.getString("reference");
                return Optional.of(switch (rs.getString("outcome")) {
                    case "declined" -> new AuthorizationResult.Declined(reference, new Failure(rs.getString("failure_code"),
                            rs.getString("decline_code"), rs.getString("failure_message")));
                    case "action_required" -> new AuthorizationResult.ActionRequired(reference,
                            new NextAction(NextAction.REDIRECT_TO_URL, rs.getString("next_action_url")));
                    default -> new AuthorizationResult.Approved(reference);
                });
            }
        } catch (SQLException e) {
            throw new ProcessorOutcomeUnknownException("the simulated acquirer cannot be reached", e);
        }
    }

    private AuthorizationResult decide(ProcessorRequest request, String last4) {
        if (request.operation() == PendingOperation.Operation.COMPLETE_AUTHENTICATION) {
            // The issuer's verdict; a payment whose challenge predates the challenge page has none and completes
            boolean failed = issuer.challengeOf(request.paymentId())
                    .filter(c -> c.state() == AuthenticationChallenge.State.FAILED).isPresent();
            return failed ? new AuthorizationResult.Declined(request.processorReference(), AUTHENTICATION_FAILED)
                    : new AuthorizationResult.Approved(request.processorReference());
        }
        if (request.operation() != PendingOperation.Operation.AUTHORIZE) {
            // Captures settle and voids release, always.
            return new AuthorizationResult.Approved(request.processorReference());
        }
        String reference = Ids.generate("sim_auth_");
        Failure decline = last4 == null ? null : DECLINES.get(last4);
        if (decline != null) {
            return new AuthorizationResult.Declined(reference, decline);
        }
        if (THREE_D_SECURE.equals(last4)) {
            String url = issuer.challenge(request);
            return new AuthorizationResult.ActionRequired(reference, new NextAction(NextAction.REDIRECT_TO_URL, url));
        }
        return new AuthorizationResult.Approved(reference);
    }

    /** Records what the key asked, unless it was asked before; true when this was the first time. */
    private boolean remember(ProcessorRequest request, AuthorizationResult result) {
        Failure failure = result instanceof AuthorizationResult.Declined d ? d.failure() : null;
        NextAction next = result instanceof AuthorizationResult.ActionRequired a ? a.nextAction() : null;
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO simulator_operations (acquirer_key, operation, outcome, reference, amount, failure_code,
                                                  decline_code, failure_message, next_action_url)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (acquirer_key) DO NOTHING""")) {
            ps.setString(1, request.acquirerKey());
            ps.setString(2, request.operation().name());
            ps.setString(3, result instanceof AuthorizationResult.Declined ? "declined"
                    : result instanceof AuthorizationResult.ActionRequired ? "action_required" : "approved");
            ps.setString(4, result.processorReference() == null ? "sim_none" : result.processorReference());
            ps.setLong(5, request.amount().amount());
            ps.setString(6, failure == null ? null : failure.code());
            ps.setString(7, failure == null ? null : failure.declineCode());
            ps.setString(8, failure == null ? null : failure.message());
            ps.setString(9, next == null ? null : next.redirectUrl());
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new ProcessorOutcomeUnknownException("the simulated acquirer cannot be reached", e);
        }
    }
}
