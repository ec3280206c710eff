package dev.paysuite.platform.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** The fixture itself, against the real PostgreSQL: through, cut, refused, restored on the same port. */
class TcpProxyTest {

    @Test
    void aConnectionThroughTheProxyIsResetByACutAndNewOnesAreRefusedUntilRestored() throws Exception {
        try (TcpProxy proxy = TcpProxy.toPostgres()) {
            int port = proxy.port();
            Connection before = DriverManager.getConnection(proxy.jdbcUrl("postgres").replace(
                    System.getenv().getOrDefault("PAYSUITE_TEST_DB_SUFFIX", ""), ""), "postgres", "");
            assertEquals(1, selectOne(before));

            proxy.cut();
            assertTrue(proxy.isCut());
            assertThrows(SQLException.class, () -> selectOne(before));
            assertThrows(SQLException.class, () -> DriverManager.getConnection(
                    "jdbc:postgresql://127.0.0.1:" + port + "/postgres?connectTimeout=2", "postgres", ""));

            proxy.restore();
            assertEquals(port, proxy.port());
            try (Connection after = DriverManager.getConnection(
                    "jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", "")) {
                assertEquals(1, selectOne(after));
            }
        }
    }

    @Test
    void brokerPortsFollowTheTestLane() {
        int broker = TcpProxy.brokerPort();
        assertEquals(broker + 2, TcpProxy.brokerProxiedListenerPort());
        assertEquals(broker + 3, TcpProxy.brokerProxyPort());
    }

    private static int selectOne(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT 1")) {
            rs.next();
            return rs.getInt(1);
        }
    }

}
