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
import java.util.Optional;
import java.util.function.Function;
import java.util.function.IntConsumer;
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

        /**
         * Records, in the current transaction, the id of the object this request is making, so that a
         * retry after the request died answers with that object instead of making another.
         */
        void bind(String resourceId);

        /** The object an earlier attempt with this key made before it died, when this is such a retry. */
        Optional<String> resumed();
    }

    /** Without a key there is nothing to record. */
    private static final Claim NO_KEY = new Claim() {
        @Override
        public StoredAnswer complete(StoredAnswer answer) {
            return answer;
        }

        @Override
        public void bind(String resourceId) {
        }

        @Override
        public Optional<String> resumed() {
            return Optional.empty();
        }
    };

    /** A key as the guard keeps it: per merchant and per mode, so test and live requests never meet. */
    private record KeyRef(String merchantId, boolean livemode, String key) {
        int bind(PreparedStatement ps, int from) throws SQLException {
            ps.setString(from, merchantId);
            ps.setBoolean(from + 1, livemode);
            ps.setString(from + 2, key);
            return from + 3;
        }
    }

    private static final String WHERE_KEY = " WHERE merchant_id = ? AND livemode = ? AND idempotency_key = ?";

    /**
     * Runs {@code action} at most once for this merchant, mode and key, and answers what it answered
     * (or, for a repeated request, what it answered the first time, with {@code Idempotent-Replayed}).
     */
    public StoredAnswer execute(IdempotentRequest request, Function<Claim, StoredAnswer> action) {
        if (request.key() == null) {
            return action.apply(NO_KEY);
        }
        if (!VALID_KEY.matcher(request.key()).matches()) {
            throw ApiException.invalid(ErrorCodes.IDEMPOTENCY_KEY_INVALID,
                    "Idempotency-Key must be 1 to 255 printable ASCII characters without spaces.", null);
        }
        KeyRef ref = new KeyRef(request.merchantId(), request.livemode(), request.key());
        String fingerprint = fingerprint(request);
        Found found = QuarkusTransaction.requiringNew().call(() -> claim(ref, fingerprint));
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
        KeyClaim claim = new KeyClaim(ref, found.resourceId);
        StoredAnswer answer;
        try {
            answer = action.apply(claim);
        } catch (RuntimeException e) {
            if (claim.resourceBound()) {
                // The object exists: the key keeps naming it, and a retry after the lease answers with it.
                throw e;
            }
            QuarkusTransaction.requiringNew().run(() -> release(ref));
            throw e;
        }
        if (claim.outcome == Status.STATUS_COMMITTED) {
            return answer;
        }
        if (claim.outcome != Status.STATUS_UNKNOWN && !claim.resourceBound()) {
            // Recorded, but its transaction did not commit (and the action answered anyway): nothing changed.
            QuarkusTransaction.requiringNew().run(() -> release(ref));
            return answer;
        }
        // The change committed without its answer: keep the answer now rather than lose the key's meaning.
        LOG.errorf("The action for Idempotency-Key of merchant %s did not record its answer in its transaction; "
                + "recorded after the commit instead", ref.merchantId());
        QuarkusTransaction.requiringNew().run(() -> store(ref, answer));
        return answer;
    }

    private final class KeyClaim implements Claim {
        private final KeyRef ref;
        private final String resumed;
        /** How the transaction that recorded the answer ended; unknown until it has. */
        private volatile int outcome = Status.STATUS_UNKNOWN;
        private volatile boolean bound;

        KeyClaim(KeyRef ref, String resumed) {
            this.ref = ref;
            this.resumed = resumed;
            this.bound = resumed != null;
        }

        @Override
        public StoredAnswer complete(StoredAnswer answer) {
            requireTransaction("An idempotent answer is recorded inside the transaction of its change");
            store(ref, answer);
            transactions.registerInterposedSynchronization(afterCompletion(status ->
                    outcome = status == Status.STATUS_COMMITTED ? Status.STATUS_COMMITTED : Status.STATUS_ROLLEDBACK));
            return answer;
        }

        @Override
        public void bind(String resourceId) {
            requireTransaction("The object a request makes is bound to its key inside the transaction that makes it");
            try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                    "UPDATE idempotency_keys SET resource_id = ?" + WHERE_KEY)) {
                ps.setString(1, resourceId);
                ref.bind(ps, 2);
                ps.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException("Could not bind an idempotency key to what it made", e);
            }
            transactions.registerInterposedSynchronization(afterCompletion(status -> {
                if (status == Status.STATUS_COMMITTED) {
                    bound = true;
                }
            }));
        }

        @Override
        public Optional<String> resumed() {
            return Optional.ofNullable(resumed);
        }

        boolean resourceBound() {
            return bound;
        }
    }

    private static void requireTransaction(String why) {
        if (QuarkusTransaction.getStatus() != Status.STATUS_ACTIVE) {
            throw new IllegalStateException(why);
        }
    }

    private static Synchronization afterCompletion(IntConsumer then) {
        return new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                then.accept(status);
            }
        };
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
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

    private enum Outcome { CLAIMED, RESUME, REPLAY, MISMATCH, IN_FLIGHT }

    private record Found(Outcome outcome, StoredAnswer answer, String resourceId) {
        static Found of(Outcome outcome) {
            return new Found(outcome, null, null);
        }
    }

    private Found claim(KeyRef ref, String fingerprint) {
        try (Connection c = dataSource.getConnection()) {
            for (int attempt = 0; attempt < 3; attempt++) {
                try (PreparedStatement insert = c.prepareStatement("""
                        INSERT INTO idempotency_keys (merchant_id, livemode, idempotency_key, request_hash, state,
                                                      locked_at, created_at)
                        VALUES (?, ?, ?, ?, 'in_flight', now(), now()) ON CONFLICT DO NOTHING""")) {
                    insert.setString(ref.bind(insert, 1), fingerprint);
                    if (insert.executeUpdate() == 1) {
                        return Found.of(Outcome.CLAIMED);
                    }
                }
                try (PreparedStatement select = c.prepareStatement("""
                        SELECT request_hash, state, response_status, response_headers, response_body, resource_id,
                               created_at < now() - make_interval(secs => ?) AS expired,
                               locked_at < now() - make_interval(secs => ?) AS abandoned
                        FROM idempotency_keys""" + WHERE_KEY + " FOR UPDATE")) {
                    select.setLong(1, config.retention().toSeconds());
                    select.setLong(2, config.lease().toSeconds());
                    ref.bind(select, 3);
                    try (ResultSet rs = select.executeQuery()) {
                        if (!rs.next()) {
                            continue; // released between our insert and select: try to claim again
                        }
                        boolean expired = rs.getBoolean("expired");
                        boolean inFlight = "in_flight".equals(rs.getString("state"));
                        boolean abandoned = inFlight && rs.getBoolean("abandoned");
                        String resourceId = rs.getString("resource_id");
                        if (expired || (abandoned && resourceId == null)) {
                            reclaim(c, ref, fingerprint);
                            return Found.of(Outcome.CLAIMED);
                        }
                        if (!fingerprint.equals(rs.getString("request_hash"))) {
                            return Found.of(Outcome.MISMATCH);
                        }
                        if (abandoned) {
                            relock(c, ref);
                            return new Found(Outcome.RESUME, null, resourceId);
                        }
                        if (inFlight) {
                            return Found.of(Outcome.IN_FLIGHT);
                        }
                        return new Found(Outcome.REPLAY, new StoredAnswer(rs.getInt("response_status"),
                                readHeaders(rs.getString("response_headers")), rs.getString("response_body")), null);
                    }
                }
            }
            return Found.of(Outcome.IN_FLIGHT);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not claim an idempotency key", e);
        }
    }

    private void reclaim(Connection c, KeyRef ref, String fingerprint) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE idempotency_keys SET request_hash = ?, state = 'in_flight', locked_at = now(), created_at = now(),
                       response_status = NULL, response_headers = NULL, response_body = NULL, resource_id = NULL,
                       completed_at = NULL""" + WHERE_KEY)) {
            ps.setString(1, fingerprint);
            ref.bind(ps, 2);
            ps.executeUpdate();
        }
    }

    /** A retry takes over a dead request's key: other retries meanwhile are racing it (409). */
    private void relock(Connection c, KeyRef ref) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE idempotency_keys SET locked_at = now()" + WHERE_KEY)) {
            ref.bind(ps, 1);
            ps.executeUpdate();
        }
    }

    private void store(KeyRef ref, StoredAnswer answer) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                UPDATE idempotency_keys SET state = 'completed', response_status = ?, response_headers = ?,
                       response_body = ?, completed_at = now()""" + WHERE_KEY)) {
            ps.setInt(1, answer.status());
            ps.setString(2, mapper.writeValueAsString(answer.headers()));
            ps.setString(3, answer.body());
            ref.bind(ps, 4);
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

    private void release(KeyRef ref) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "DELETE FROM idempotency_keys" + WHERE_KEY + " AND state = 'in_flight' AND resource_id IS NULL")) {
            ref.bind(ps, 1);
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
