package dev.paysuite.dialects.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** A dialect's files (its OpenAPI document), next to its classes. */
public final class Resources {
    private Resources() {
    }

    public static byte[] read(Class<?> owner, String name) {
        try (InputStream in = owner.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing next to " + owner.getName());
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
