package dev.paysuite.platform.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.paysuite.platform.error.ApiException;
import dev.paysuite.platform.error.ErrorCodes;
import dev.paysuite.platform.error.ErrorType;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * {@code Idempotency-Key} for every POST, kept per merchant in the service's own database
 * (table {@code idempotency_keys}, created by each service's migrations).
 *
 * <p>The key is claimed in a short transaction of its own. The request then runs in a second
 * transaction that also stores its answer, so the answer is on record if and only if the state
 * change committed: a crash in between leaves a claim whose lease runs out, and a retry runs the
 * request again safely. Same key and same request replays the stored answer; same key and another
 * request is refused (422); a request racing one still in flight is refused (409). Requests refused
 * before any state change (validation errors) release the key, as do unexpected failures.
 */
@ApplicationScoped
public class IdempotencyGuard {
    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final Logger LOG = Logger.getLogger(IdempotencyGuard.class);
    private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

    private final AgroalDataSource dataSource;
    private final ObjectMapper mapper;
    private final ObjectMapper canonical;
    private final IdempotencyConfig config;

    public IdempotencyGuard(AgroalDataSource dataSource, ObjectMapper mapper, IdempotencyConfig config) {
        this.dataSource = dataSource;
        this.mapper = mapper;
        this.config = config;
        this.canonical = JsonMapper.builder()
                .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .build();
    }

    /**
     * Runs {@code action} at most once for this merchant and key. {@code request} is the parsed
     * body; with the method and path it makes the fingerprint that a reuse of the key must match.
     */
    public Response execute(String merchantId, String key, String method, String path, Object request,
            Supplier<Response> action) {
        if (key == null) {
            return QuarkusTransaction.joiningExisting().call(action::get);
        }
        if (!VALID_KEY.matcher(key).matches()) {
            throw ApiException.invalid(ErrorCodes.IDEMPOTENCY_KEY_INVALID,
                    "Idempotency-Key must be 1 to 255 printable ASCII characters without spaces.", null);
        }
        String fingerprint = fingerprint(method, path, request);
        Claim claim = QuarkusTransaction.requiringNew().call(() -> claim(merchantId, key, fingerprint));
        switch (claim.outcome) {
            case REPLAY:
                return Response.status(claim.status).type(MediaType.APPLICATION_JSON_TYPE)
                        .entity(claim.body).header(REPLAYED_HEADER, "true").build();
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
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                Response response = action.get();
                complete(merchantId, key, response);
                return response;
            });
        } catch (RuntimeException e) {
            QuarkusTransaction.requiringNew().run(() -> release(merchantId, key));
            throw e;
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

    private record Claim(Outcome outcome, int status, String body) {
        static Claim of(Outcome outcome) {
            return new Claim(outcome, 0, null);
        }
    }

    private Claim claim(String merchantId, String key, String fingerprint) {
        try (Connection c = dataSource.getConnection()) {
            for (int attempt = 0; attempt < 3; attempt++) {
                try (PreparedStatement insert = c.prepareStatement("""
                        INSERT INTO idempotency_keys (merchant_id, idempotency_key, request_hash, state, locked_at, created_at)
                        VALUES (?, ?, ?, 'in_flight', now(), now()) ON CONFLICT DO NOTHING""")) {
                    insert.setString(1, merchantId);
                    insert.setString(2, key);
                    insert.setString(3, fingerprint);
                    if (insert.executeUpdate() == 1) {
                        return Claim.of(Outcome.CLAIMED);
                    }
                }
                try (PreparedStatement select = c.prepareStatement("""
                        SELECT request_hash, state, response_status, response_body,
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
                            return Claim.of(Outcome.CLAIMED);
                        }
                        if (!fingerprint.equals(rs.getString("request_hash"))) {
                            return Claim.of(Outcome.MISMATCH);
                        }
                        if (inFlight) {
                            return Claim.of(Outcome.IN_FLIGHT);
                        }
                        return new Claim(Outcome.REPLAY, rs.getInt("response_status"), rs.getString("response_body"));
                    }
                }
            }
            return Claim.of(Outcome.IN_FLIGHT);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not claim an idempotency key", e);
        }
    }

    private void reclaim(Connection c, String merchantId, String key, String fingerprint) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE idempotency_keys SET request_hash = ?, state = 'in_flight', locked_at = now(), created_at = now(),
                       response_status = NULL, response_body = NULL, completed_at = NULL
                WHERE merchant_id = ? AND idempotency_key = ?""")) {
            ps.setString(1, fingerprint);
            ps.setString(2, merchantId);
            ps.setString(3, key);
            ps.executeUpdate();
        }
    }

    private void complete(String merchantId, String key, Response response) {
        String body;
        try {
            Object entity = response.getEntity();
            body = entity instanceof String s ? s : mapper.writeValueAsString(entity);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not record the answer of an idempotent request", e);
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                UPDATE idempotency_keys SET state = 'completed', response_status = ?, response_body = ?, completed_at = now()
                WHERE merchant_id = ? AND idempotency_key = ?""")) {
            ps.setInt(1, response.getStatus());
            ps.setString(2, body);
            ps.setString(3, merchantId);
            ps.setString(4, key);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record the answer of an idempotent request", e);
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

    private String fingerprint(String method, String path, Object request) {
        try {
            String text = method + " " + path + "\n" + canonical.writeValueAsString(request);
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Could not fingerprint the request", e);
        }
    }
}
