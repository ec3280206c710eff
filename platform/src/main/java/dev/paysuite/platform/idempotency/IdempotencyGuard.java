package dev.paysuite.platform.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.paysuite.kernel.error.ErrorCodes;
import dev.paysuite.kernel.error.ErrorType;
import dev.paysuite.platform.error.ApiException;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * {@code Idempotency-Key} for every POST, kept per merchant in the service's own database (table
 * {@code idempotency_keys}, from the {@code db/platform} migrations). It does idempotency only: the
 * caller declares the transaction of the change.
 *
 * <p>The key is claimed in a short committed transaction of its own, so a request racing one still
 * in flight is refused (409) at once. The action then makes its change and records its answer with
 * {@link Claim#complete} inside the change's transaction, so the answer is on record if and only if
 * the change committed: a crash in between leaves a claim whose lease runs out, and a retry runs the
 * request again safely. The same key and request replays the stored answer; the same key with
 * another request is refused (422). A request that fails releases its key.
 */
@ApplicationScoped
public class IdempotencyGuard {
    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final Logger LOG = Logger.getLogger(IdempotencyGuard.class);
    private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");
    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {
    };

    private final AgroalDataSource dataSource;
    private final ObjectMapper mapper;
    private final ObjectMapper canonical;
    private final IdempotencyConfig config;
    private final TransactionSynchronizationRegistry transactions;

    public IdempotencyGuard(AgroalDataSource dataSource, ObjectMapper mapper, IdempotencyConfig config,
            TransactionSynchronizationRegistry transactions) {
        this.dataSource = dataSource;
        this.mapper = mapper;
        this.config = config;
        this.transactions = transactions;
        this.canonical = JsonMapper.builder()
                .findAndAddModules() // times and optionals in a request body fingerprint like anything else
                .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .build();
    }

    /** One use of a key, handed to the action so that it records its answer with its change. */
    public interface Claim {
        /** Records {@code answer} for the key in the current transaction (the change's) and gives it back. */
        StoredAnswer complete(StoredAnswer answer);
    }

    /** Without a key there is nothing to record. */
    private static final Claim NO_KEY = answer -> answer;

    /**
     * Runs {@code action} at most once for this merchant and key, and answers what it answered (or,
     * for a repeated request, what it answered the first time, with {@code Idempotent-Replayed}).
     */
    public StoredAnswer execute(IdempotentRequest request, Function<Claim, StoredAnswer> action) {
        if (request.key() == null) {
            return action.apply(NO_KEY);
        }
        if (!VALID_KEY.matcher(request.key()).matches()) {
            throw ApiException.invalid(ErrorCodes.IDEMPOTENCY_KEY_INVALID,
                    "Idempotency-Key must be 1 to 255 printable ASCII characters without spaces.", null);
        }
        String merchantId = request.merchantId();
        String key = request.key();
        String fingerprint = fingerprint(request);
        Found found = QuarkusTransaction.requiringNew().call(() -> claim(merchantId, key, fingerprint));
        switch (found.outcome) {
            case REPLAY:
                return found.answer.withHeader(REPLAYED_HEADER, "true");
            case MISMATCH:
                throw new ApiException(422, ErrorType.IDEMPOTENCY, ErrorCodes.IDEMPOTENCY_KEY_REUSED,
                        "This Idempotency-Key was already used with a different request. "
                                + "Use a new key for a new request.", null);
            case IN_FLIGHT:
                throw new ApiException(409, ErrorType.IDEMPOTENCY, ErrorCodes.IDEMPOTENCY_KEY_IN_USE,
                        "A request with this Idempotency-Key is still being processed. Retry after it completes.",
                        null);
            default:
                break;
        }
        KeyClaim claim = new KeyClaim(merchantId, key);
        StoredAnswer answer;
        try {
            answer = action.apply(claim);
        } catch (RuntimeException e) {
            QuarkusTransaction.requiringNew().run(() -> release(merchantId, key));
            throw e;
        }
        if (claim.outcome == Status.STATUS_COMMITTED) {
            return answer;
        }
        if (claim.outcome != Status.STATUS_UNKNOWN) {
            // Recorded, but its transaction did not commit (and the action answered anyway): nothing changed.
            QuarkusTransaction.requiringNew().run(() -> release(merchantId, key));
            return answer;
        }
        // The change committed without its answer: keep the answer now rather than lose the key's meaning.
        LOG.errorf("The action for Idempotency-Key of merchant %s did not record its answer in its transaction; "
                + "recorded after the commit instead", merchantId);
        QuarkusTransaction.requiringNew().run(() -> store(merchantId, key, answer));
        return answer;
    }

    private final class KeyClaim implements Claim, Synchronization {
        private final String merchantId;
        private final String key;
        /** How the transaction that recorded the answer ended; unknown until it has. */
        private int outcome = Status.STATUS_UNKNOWN;

        KeyClaim(String merchantId, String key) {
            this.merchantId = merchantId;
            this.key = key;
        }

        @Override
        public StoredAnswer complete(StoredAnswer answer) {
            if (QuarkusTransaction.getStatus() != Status.STATUS_ACTIVE) {
                throw new IllegalStateException("An idempotent answer is recorded inside the transaction of its change");
            }
            store(merchantId, key, answer);
            transactions.registerInterposedSynchronization(this);
            return answer;
        }

        @Override
        public void beforeCompletion() {
        }

        @Override
        public void afterCompletion(int status) {
            outcome = status == Status.STATUS_COMMITTED ? Status.STATUS_COMMITTED : Status.STATUS_ROLLEDBACK;
        }
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeExpired() {
        String sql = "DELETE FROM idempotency_keys WHERE created_at < now() - make_interval(secs => ?)";
        QuarkusTransaction.requiringNew().run(() -> {
            try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setLong(1, config.retention().toSeconds());
                int purged = ps.executeUpdate();
                if (purged > 0) {
                    LOG.debugf("Purged %d expired idempotency keys", purged);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Could not purge idempotency keys", e);
            }
        });
    }

    private enum Outcome { CLAIMED, REPLAY, MISMATCH, IN_FLIGHT }

    private record Found(Outcome outcome, StoredAnswer answer) {
        static Found of(Outcome outcome) {
            return new Found(outcome, null);
        }
    }

    private Found claim(String merchantId, String key, String fingerprint) {
        try (Connection c = dataSource.getConnection()) {
            for (int attempt = 0; attempt < 3; attempt++) {
                try (PreparedStatement insert = c.prepareStatement("""
                        INSERT INTO idempotency_keys (merchant_id, idempotency_key, request_hash, state, locked_at, created_at)
                        VALUES (?, ?, ?, 'in_flight', now(), now()) ON CONFLICT DO NOTHING""")) {
                    insert.setString(1, merchantId);
                    insert.setString(2, key);
                    insert.setString(3, fingerprint);
                    if (insert.executeUpdate() == 1) {
                        return Found.of(Outcome.CLAIMED);
                    }
                }
                try (PreparedStatement select = c.prepareStatement("""
                        SELECT request_hash, state, response_status, response_headers, response_body,
                               created_at < now() - make_interval(secs => ?) AS expired,
                               locked_at < now() - make_interval(secs => ?) AS abandoned
                        FROM idempotency_keys WHERE merchant_id = ? AND idempotency_key = ? FOR UPDATE""")) {
                    select.setLong(1, config.retention().toSeconds());
                    select.setLong(2, config.lease().toSeconds());
                    select.setString(3, merchantId);
                    select.setString(4, key);
                    try (ResultSet rs = select.executeQuery()) {
                        if (!rs.next()) {
                            continue; // released between our insert and select: try to claim again
                        }
                        boolean expired = rs.getBoolean("expired");
                        boolean inFlight = "in_flight".equals(rs.getString("state"));
                        if (expired || (inFlight && rs.getBoolean("abandoned"))) {
                            reclaim(c, merchantId, key, fingerprint);
                            return Found.of(Outcome.CLAIMED);
                        }
                        if (!fingerprint.equals(rs.getString("request_hash"))) {
                            return Found.of(Outcome.MISMATCH);
                        }
                        if (inFlight) {
                            return Found.of(Outcome.IN_FLIGHT);
                        }
                        return new Found(Outcome.REPLAY, new StoredAnswer(rs.getInt("response_status"),
                                readHeaders(rs.getString("response_headers")), rs.getString("response_body")));
                    }
                }
            }
            return Found.of(Outcome.IN_FLIGHT);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not claim an idempotency key", e);
        }
    }

    private void reclaim(Connection c, String merchantId, String key, String fingerprint) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE idempotency_keys SET request_hash = ?, state = 'in_flight', locked_at = now(), created_at = now(),
                       response_status = NULL, response_headers = NULL, response_body = NULL,
                       completed_at = NULL
                WHERE merchant_id = ? AND idempotency_key = ?""")) {
            ps.setString(1, fingerprint);
            ps.setString(2, merchantId);
            ps.setString(3, key);
            ps.executeUpdate();
        }
    }

    private void store(String merchantId, String key, StoredAnswer answer) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                UPDATE idempotency_keys SET state = 'completed', response_status = ?, response_headers = ?,
                       response_body = ?, completed_at = now()
                WHERE merchant_id = ? AND idempotency_key = ?""")) {
            ps.setInt(1, answer.status());
            ps.setString(2, mapper.writeValueAsString(answer.headers()));
            ps.setString(3, answer.body());
            ps.setString(4, merchantId);
            ps.setString(5, key);
            ps.executeUpdate();
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("Could not record the answer of an idempotent request", e);
        }
    }

    private Map<String, String> readHeaders(String json) {
        if (json == null) {
            return Map.of();
        }
        try {
            return mapper.readValue(json, HEADERS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable headers of a stored idempotent answer", e);
        }
    }

    private void release(String merchantId, String key) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "DELETE FROM idempotency_keys WHERE merchant_id = ? AND idempotency_key = ? AND state = 'in_flight'")) {
            ps.setString(1, merchantId);
            ps.setString(2, key);
            ps.executeUpdate();
        } catch (SQLException e) {
            LOG.warn("Could not release an idempotency key; it frees itself when its lease runs out", e);
        }
    }

    private String fingerprint(IdempotentRequest request) {
        try {
            String text = request.method() + " " + request.path() + "\n" + canonical.writeValueAsString(request.body());
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Could not fingerprint the request", e);
        }
    }
}
