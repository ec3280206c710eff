package dev.paysuite.e2e;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.HexFormat;

/**
 * Onboards test merchants straight into the gateway's database, with their API key stored the way
 * the gateway stores keys: only its SHA-256. Quicker than the admin API ({@link Admins}), which the
 * tests about it use.
 */
public final class Merchants {
    private static final SecureRandom RANDOM = new SecureRandom();

    public record Merchant(String id, String apiKey) {
    }

    private Merchants() {
    }

    public static Merchant create(int rateLimit, int windowSeconds, int burst) {
        String suffix = HexFormat.of().formatHex(RANDOM.generateSeed(8));
        String merchantId = "mer_e2e" + suffix;
        String secret = "sk_test_e2e" + HexFormat.of().formatHex(RANDOM.generateSeed(16));
        try (Connection c = DriverManager.getConnection(Suite.jdbc("gateway"), "postgres", "")) {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO merchants (id, name, created_at) VALUES (?, ?, now())")) {
                ps.setString(1, merchantId);
                ps.setString(2, "E2E merchant " + suffix);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO api_keys (id, merchant_id, key_hash, key_prefix, mode, rate_limit, rate_window_seconds,
                                          burst_limit, created_at)
                    VALUES (?, ?, ?, ?, 'test', ?, ?, ?, now())""")) {
                ps.setString(1, "key_e2e" + suffix);
                ps.setString(2, merchantId);
                ps.setString(3, sha256(secret));
                ps.setString(4, secret.substring(0, 12));
                ps.setInt(5, rateLimit);
                ps.setInt(6, windowSeconds);
                ps.setInt(7, burst);
                ps.executeUpdate();
            }
        } catch (Exception e) {
            throw new IllegalStateException("Could not onboard a test merchant", e);
        }
        return new Merchant(merchantId, secret);
    }

    /** A merchant whose limits never get in the way of a functional test. */
    public static Merchant create() {
        return create(100_000, 60, 10_000);
    }

    /**
     * A restricted key ({@code rk_test_}) of the same merchant, allowed only {@code scopes}
     * (space-separated), as the admin API issues them.
     */
    public static String restrictedKey(Merchant merchant, String scopes) {
        String suffix = HexFormat.of().formatHex(RANDOM.generateSeed(8));
        String secret = "rk_test_e2e" + HexFormat.of().formatHex(RANDOM.generateSeed(16));
        try (Connection c = DriverManager.getConnection(Suite.jdbc("gateway"), "postgres", "");
                PreparedStatement ps = c.prepareStatement("""
                        INSERT INTO api_keys (id, merchant_id, key_hash, key_prefix, mode, scopes, rate_limit,
                                              burst_limit, created_at)
                        VALUES (?, ?, ?, ?, 'test', ?, 100000, 10000, now())""")) {
            ps.setString(1, "key_e2erk" + suffix);
            ps.setString(2, merchant.id());
            ps.setString(3, sha256(secret));
            ps.setString(4, secret.substring(0, 12));
            ps.setString(5, scopes);
            ps.executeUpdate();
        } catch (Exception e) {
            throw new IllegalStateException("Could not issue a restricted key", e);
        }
        return secret;
    }

    /** A live secret key ({@code sk_live_}) of the same merchant. */
    public static String liveKey(Merchant merchant) {
        String suffix = HexFormat.of().formatHex(RANDOM.generateSeed(8));
        String secret = "sk_live_e2e" + HexFormat.of().formatHex(RANDOM.generateSeed(16));
        try (Connection c = DriverManager.getConnection(Suite.jdbc("gateway"), "postgres", "");
                PreparedStatement ps = c.prepareStatement("""
                        INSERT INTO api_keys (id, merchant_id, key_hash, key_prefix, mode, rate_limit, burst_limit,
                                              created_at)
                        VALUES (?, ?, ?, ?, 'live', 100000, 10000, now())""")) {
            ps.setString(1, "key_e2elive" + suffix);
            ps.setString(2, merchant.id());
            ps.setString(3, sha256(secret));
            ps.setString(4, secret.substring(0, 12));
            ps.executeUpdate();
        } catch (Exception e) {
            throw new IllegalStateException("Could not issue a live key", e);
        }
        return secret;
    }

    static String sha256(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    }
}
