package dev.paysuite.gateway.testing;

import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import org.jboss.logmanager.ExtLogRecord;

/** Collects the formatted lines a logger writes, for tests that read the access log. */
public final class LogLines {
    private LogLines() {
    }

    /** A handler adding each record's formatted message to {@code lines}. */
    public static Handler capture(List<String> lines) {
        return new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
    }
}
