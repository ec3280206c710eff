package dev.paysuite.platform.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * A service's migrations (its own and the platform's, as the service runs them) applied to a fresh
 * schema of the service's test database, up to a version, so that a test can write rows as an older
 * schema stored them and then watch a newer migration convert them. Plain JDBC and Flyway: no
 * Quarkus boot, and the service's own schema is not touched.
 */
public final class ScratchSchema {
    private static final String[] LOCATIONS = {"classpath:db/migration", "classpath:db/platform"};

    private final String url;
    private final String schema;

    private ScratchSchema(String url, String schema) {
        this.url = url;
        this.schema = schema;
    }

    /**
     * An empty schema (dropped first if a former run left it) in {@code database} plus the test
     * lane's suffix, e.g. {@code paysuite_payments_test}.
     */
    public static ScratchSchema recreate(String database, String schema) throws SQLException {
        String suffix = System.getenv().getOrDefault("PAYSUITE_TEST_DB_SUFFIX", "");
        ScratchSchema scratch = new ScratchSchema("jdbc:postgresql://127.0.0.1:5432/" + database + suffix, schema);
        try (Connection c = DriverManager.getConnection(scratch.url, "postgres", "");
                Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS \"" + schema + "\" CASCADE");
        }
        return scratch;
    }

    /** Applies the migrations up to and including {@code version}. */
    public ScratchSchema migrateTo(String version) {
        flyway().target(version).load().migrate();
        return this;
    }

    /** Applies every migration still pending. */
    public ScratchSchema migrateToLatest() {
        flyway().load().migrate();
        return this;
    }

    /** A connection whose unqualified table names are the scratch schema's. */
    public Connection connect() throws SQLException {
        Connection c = DriverManager.getConnection(url, "postgres", "");
        c.setSchema(schema);
        return c;
    }

    private FluentConfiguration flyway() {
        return Flyway.configure().dataSource(url, "postgres", "").schemas(schema).defaultSchema(schema)
                .locations(LOCATIONS);
    }
}
