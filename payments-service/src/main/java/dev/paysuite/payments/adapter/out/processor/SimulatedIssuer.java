package dev.paysuite.payments.adapter.out.processor;

import dev.paysuite.kernel.error.ProcessorOutcomeUnknownException;
import dev.paysuite.kernel.id.PaymentId;
import dev.paysuite.payments.application.domain.model.AuthenticationChallenge;
import dev.paysuite.payments.application.port.out.AuthenticationChallengePort;
import dev.paysuite.payments.application.port.out.ProcessorRequest;
import dev.paysuite.payments.config.PaymentsConfig;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The simulated card issuer's 3-D Secure: a challenge per payment that asked for it, kept in the
 * issuer's own table ({@code simulator_challenges}, written outside any transaction of ours, like
 * {@code simulator_operations}), answered once on the challenge page at
 * {@code {public-url}/3ds/{challenge id}}. The id is the only key to the page, so it is unguessable:
 * {@code 3ds_} and 24 url-safe characters (144 bits) from {@link SecureRandom}.
 */
@ApplicationScoped
public class SimulatedIssuer implements AuthenticationChallengePort {
    static final String PREFIX = "3ds_";
    private static final Pattern ID = Pattern.compile("3ds_[A-Za-z0-9_-]{24}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final PaymentsConfig config;
    private final AgroalDataSource dataSource;

    public SimulatedIssuer(PaymentsConfig config, AgroalDataSource dataSource) {
        this.config = config;
        this.dataSource = dataSource;
    }

    /**
     * Sets the payment's challenge (once: asking again answers the same one) and answers the URL of
     * its page.
     */
    String challenge(ProcessorRequest request) {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO simulator_challenges (challenge_id, payment_id, merchant_id, livemode, state)
                    VALUES (?, ?, ?, ?, 'pending') ON CONFLICT (payment_id) DO NOTHING""")) {
                ps.setString(1, newId());
                ps.setString(2, request.paymentId().value());
                ps.setString(3, request.merchantId());
                ps.setBoolean(4, request.livemode());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT challenge_id FROM simulator_challenges WHERE payment_id = ?")) {
                ps.setString(1, request.paymentId().value());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return config.publicUrl() + "/3ds/" + rs.getString(1);
                }
            }
        } catch (SQLException e) {
            throw new ProcessorOutcomeUnknownException("the simulated issuer cannot be reached", e);
        }
    }

    @Override
    public Optional<AuthenticationChallenge> challenge(String challengeId) {
        if (challengeId == null || !ID.matcher(challengeId).matches()) {
            return Optional.empty();
        }
        return find("challenge_id", challengeId);
    }

    @Override
    public Optional<AuthenticationChallenge> challengeOf(PaymentId payment) {
        return find("payment_id", payment.value());
    }

    @Override
    public boolean answer(String challengeId, boolean approved, Instant at) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                UPDATE simulator_challenges SET state = ?, answered_at = ?
                WHERE challenge_id = ? AND state = 'pending'""")) {
            ps.setString(1, approved ? "approved" : "failed");
            ps.setTimestamp(2, Timestamp.from(at));
            ps.setString(3, challengeId);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("the simulated issuer cannot record the answer", e);
        }
    }

    private Optional<AuthenticationChallenge> find(String column, String value) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                SELECT challenge_id, payment_id, merchant_id, livemode, state, created_at, answered_at
                FROM simulator_challenges WHERE %s = ?""".formatted(column))) {
            ps.setString(1, value);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Timestamp answered = rs.getTimestamp("answered_at");
                return Optional.of(new AuthenticationChallenge(rs.getString("challenge_id"),
                        new PaymentId(rs.getString("payment_id")), rs.getString("merchant_id"),
                        rs.getBoolean("livemode"), AuthenticationChallenge.State.valueOf(
                                rs.getString("state").toUpperCase(java.util.Locale.ROOT)),
                        rs.getTimestamp("created_at").toInstant(), answered == null ? null : answered.toInstant()));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the simulated issuer cannot be read", e);
        }
    }

    private static String newId() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
