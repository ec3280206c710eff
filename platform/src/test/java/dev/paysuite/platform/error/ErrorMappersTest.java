package dev.paysuite.platform.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.http.HttpClosedException;
import java.io.IOException;
import java.net.SocketException;
import java.nio.channels.ClosedChannelException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class ErrorMappersTest {

    @Test
    void aClientThatClosedItsConnectionIsNotAServerFailure() {
        assertTrue(ErrorMappers.clientWentAway(new IOException(new ClosedChannelException())));
        assertTrue(ErrorMappers.clientWentAway(new IOException(new IOException(new HttpClosedException("closed")))));
        assertEquals(499, new ErrorMappers().unexpected(new IOException(new ClosedChannelException())).getStatus());
    }

    @Test
    void aDatabaseThatCannotAnswerNowIsA503ToRetryAndABugA500() {
        Throwable database = new IllegalStateException(new SQLException("I/O error", "08006",
                new SocketException("Connection reset")));
        assertFalse(ErrorMappers.clientWentAway(database));
        jakarta.ws.rs.core.Response answer = new ErrorMappers().unexpected(database);
        assertEquals(503, answer.getStatus());
        assertEquals("1", String.valueOf(answer.getHeaderString("Retry-After")));
        Throwable tooManyClients = new IllegalStateException("Could not write event payment.created to the outbox",
                new SQLException("FATAL: sorry, too many clients already", "53300"));
        assertEquals(503, new ErrorMappers().unexpected(tooManyClients).getStatus());
        assertEquals(500, new ErrorMappers().unexpected(new IllegalStateException("a bug")).getStatus());
    }
}
