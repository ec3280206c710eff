package dev.paysuite.gateway.testing;

import io.restassured.RestAssured;
import io.restassured.config.RestAssuredConfig;
import io.restassured.specification.RequestSpecification;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * REST Assured requests from a loopback address of the test's own (all of 127.0.0.0/8 reaches the
 * gateway). Requests without a valid key count against their client address in Redis, which outlives
 * a test run and is shared with any other gateway on this machine: a fresh address per run keeps runs
 * independent. Of the loopback addresses only 127.0.0.1 is a trusted proxy, and
 * {@link #newLoopbackAddress()} never makes it.
 */
public final class Clients {
    /** Far above any wait the gateway may make a client do: a gateway that hangs fails the test, not the build. */
    private static final int PATIENCE_MILLIS = 60_000;

    private Clients() {
    }

    public static String newLoopbackAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "127." + random.nextInt(1, 255) + "." + random.nextInt(0, 256) + "." + random.nextInt(1, 255);
    }

    /**
     * A made-up address of a client behind a proxy (10.0.0.0/8), fresh for each call, so the
     * counters of the address a proxy forwards for start empty.
     */
    public static String newForwardedAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "10." + random.nextInt(0, 256) + "." + random.nextInt(0, 256) + "." + random.nextInt(1, 255);
    }

    public static RequestSpecification from(String address) {
        try {
            RestAssuredConfig config = RestAssured.config().httpClient(RestAssured.config().getHttpClientConfig()
                    .setParam("http.route.local-address", InetAddress.getByName(address))
                    .setParam("http.socket.timeout", PATIENCE_MILLIS));
            return RestAssured.given().config(config);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(address, e);
        }
    }
}
