package dev.paysuite.dialects;

import dev.paysuite.dialects.aikdata.AikdataDialect;
import dev.paysuite.dialects.aqnt.AqntDialect;
import dev.paysuite.dialects.example.ExampleDialect;
import dev.paysuite.dialects.paymentprocessing.PaymentProcessingDialect;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Every dialect the gateway serves. A new dialect is one package and one line here. */
public final class Dialects {
    private static final List<Dialect> ALL = List.of(new AqntDialect(), new ExampleDialect(), new AikdataDialect(),
            new PaymentProcessingDialect());

    private Dialects() {
    }

    public static List<Dialect> all() {
        return ALL;
    }

    /** The dialect by its {@link Dialect#name()}. */
    public static Optional<Dialect> named(String name) {
        return ALL.stream().filter(d -> d.name().equals(name)).findFirst();
    }

    /**
     * The dialect whose base path {@code path} is or is below, compared without regard to case as
     * the gateway's routes are, with what follows the base path.
     */
    public static Optional<Located> locate(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        for (Dialect dialect : ALL) {
            String base = dialect.basePath().toLowerCase(Locale.ROOT);
            if (lower.equals(base) || lower.startsWith(base + "/")) {
                return Optional.of(new Located(dialect, path.substring(base.length())));
            }
        }
        return Optional.empty();
    }

    /** A dialect and the path below its base path ({@code ""} or {@code /...}). */
    public record Located(Dialect dialect, String path) {
    }
}
