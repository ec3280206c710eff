package dev.paysuite.platform.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The seam that cuts one service off from PostgreSQL or the broker on a machine where every service
 * shares both: the service under test is configured to reach its dependency through this proxy on
 * 127.0.0.1, and the test {@link #cut()}s the link (open connections are reset, new ones refused,
 * exactly what a client sees when the server is down) and {@link #restore()}s it on the same port.
 * Everyone else keeps talking to the real server directly.
 *
 * <p>For the broker, the proxy must also be the address the broker advertises to the cut-off client,
 * or the client would reconnect around it: the test broker has a second listener, on
 * {@link #brokerProxiedListenerPort()}, that advertises {@link #brokerProxyPort()} (see
 * infra/scripts/kafka.sh).
 */
public final class TcpProxy implements AutoCloseable {
    private final String targetHost;
    private final int targetPort;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket server;
    private volatile int boundPort;

    private TcpProxy(String targetHost, int targetPort) {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
    }

    /** A proxy listening on 127.0.0.1:{@code port} (0 for any free port) that forwards to the target. */
    public static TcpProxy start(int port, String targetHost, int targetPort) {
        return new TcpProxy(targetHost, targetPort).listen(port);
    }

    /** The test PostgreSQL (127.0.0.1:5432) behind a proxy on a free port. */
    public static TcpProxy toPostgres() {
        return start(0, "127.0.0.1", 5432);
    }

    /** The test broker's proxied listener behind a proxy on the port that listener advertises. */
    public static TcpProxy toBroker() {
        return start(brokerProxyPort(), "127.0.0.1", brokerProxiedListenerPort());
    }

    /** The test broker's port, as the build hands it to the tests (KAFKA_BOOTSTRAP_SERVERS). */
    public static int brokerPort() {
        String bootstrap = System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:19092");
        return Integer.parseInt(bootstrap.substring(bootstrap.lastIndexOf(':') + 1));
    }

    /** The broker's second listener, which tells its clients to come back through {@link #brokerProxyPort()}. */
    public static int brokerProxiedListenerPort() {
        return brokerPort() + 2;
    }

    /** Where a client that the test may cut off from the broker bootstraps. */
    public static int brokerProxyPort() {
        return brokerPort() + 3;
    }

    public int port() {
        return boundPort;
    }

    /** A JDBC URL for {@code database} (plus the test lane's suffix) through this proxy. */
    public String jdbcUrl(String database) {
        String suffix = System.getenv().getOrDefault("PAYSUITE_TEST_DB_SUFFIX", "");
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database + suffix;
    }

    /** Resets every open connection and refuses new ones until {@link #restore()}. */
    public synchronized void cut() {
        ServerSocket current = server;
        server = null;
        closeQuietly(current);
        open.forEach(TcpProxy::reset);
        open.clear();
    }

    /** Accepts connections again, on the same port. */
    public synchronized void restore() {
        if (server == null) {
            listen(boundPort);
        }
    }

    public boolean isCut() {
        return server == null;
    }

    @Override
    public void close() {
        cut();
    }

    private synchronized TcpProxy listen(int wanted) {
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), wanted), 200);
            boundPort = socket.getLocalPort();
            server = socket;
            Thread acceptor = new Thread(() -> accept(socket), "tcp-proxy-" + boundPort);
            acceptor.setDaemon(true);
            acceptor.start();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("The proxy could not listen on port " + wanted, e);
        }
    }

    private void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                Socket upstream;
                try {
                    upstream = new Socket(targetHost, targetPort);
                } catch (IOException unreachable) {
                    reset(client);
                    continue;
                }
                client.setTcpNoDelay(true);
                upstream.setTcpNoDelay(true);
                open.add(client);
                open.add(upstream);
                if (server != socket) { // cut while this connection was being made
                    reset(client);
                    reset(upstream);
                    return;
                }
                pump(client, upstream);
                pump(upstream, client);
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException ended) {
                // one side closed or the link was cut: close both below
            } finally {
                open.remove(from);
                open.remove(to);
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "tcp-proxy-pump-" + boundPort);
        thread.setDaemon(true);
        thread.start();
    }

    /** Closes with a TCP reset, the way a connection to a killed server ends. */
    private static void reset(Socket socket) {
        try {
            socket.setSoLinger(true, 0);
        } catch (SocketException ignored) {
            // already closed
        }
        closeQuietly(socket);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable != null) {
            try {
                closeable.close();
            } catch (Exception ignored) {
                // closing is all that is wanted
            }
        }
    }
}
