package dev.paysuite.gateway.adapter.out.upstream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paysuite.gateway.application.domain.model.Headers;
import dev.paysuite.gateway.application.domain.model.UpstreamRequest;
import io.vertx.core.http.HttpClosedException;
import java.net.ConnectException;
import java.net.SocketException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** Which failed tries the gateway sends to the next instance of a service. */
class FailoverRulesTest {
    private static final UpstreamRequest POST = new UpstreamRequest("POST", "/v1/payments", Headers.empty(), new byte[0]);
    private static final UpstreamRequest POST_WITH_KEY = new UpstreamRequest("POST", "/v1/payments",
            Headers.builder().add("idempotency-key", "k1").build(), new byte[0]);
    private static final UpstreamRequest GET = new UpstreamRequest("GET", "/v1/payments/pay_1", Headers.empty(), null);

    @Test
    void aRequestNoInstanceHandledAlwaysGoesToTheNext() {
        assertTrue(HttpUpstreamAdapter.mayTryNext(new ConnectException("refused"), POST));
        assertTrue(HttpUpstreamAdapter.mayTryNext(new HttpUpstreamAdapter.TurnedAway(), POST));
    }

    @Test
    void aConnectionClosedMidRequestGoesToTheNextOnlyWhenRepeatingIsSafe() {
        HttpClosedException closed = new HttpClosedException("Connection was closed");
        assertTrue(HttpUpstreamAdapter.mayTryNext(closed, GET));
        assertTrue(HttpUpstreamAdapter.mayTryNext(closed, POST_WITH_KEY));
        assertFalse(HttpUpstreamAdapter.mayTryNext(closed, POST), "a payment without a key may have been made");
        assertFalse(HttpUpstreamAdapter.mayTryNext(new TimeoutException(), GET), "the timeout covers the whole exchange");
    }

    @Test
    void aConnectionResetBeforeTheAnswerIsAConnectionClosed() {
        // a stopping instance that accepted the connection and dropped it (seen in a rolling restart)
        SocketException reset = new SocketException("Connection reset");
        assertTrue(HttpUpstreamAdapter.mayTryNext(reset, GET));
        assertTrue(HttpUpstreamAdapter.mayTryNext(reset, POST_WITH_KEY));
        assertFalse(HttpUpstreamAdapter.mayTryNext(reset, POST), "a payment without a key may have been made");
    }
}
