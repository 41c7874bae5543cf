package io.openwaas.testkit.infra;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Quarkus test resource: one embedded PostgreSQL per test JVM (shared by every test class of a module), one
 * database per service. Init arg {@code database} names it (default {@code openwaas}).
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private static EmbeddedPostgresServer server;
    private String database = "openwaas";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        try {
            EmbeddedPostgresServer pg = server();
            pg.ensureDatabase(database);
            return Map.of(
                    "quarkus.datasource.jdbc.url", pg.jdbcUrl(database),
                    "quarkus.datasource.reactive.url", pg.reactiveUrl(database),
                    "quarkus.datasource.username", EmbeddedPostgresServer.USER,
                    "quarkus.datasource.password", EmbeddedPostgresServer.PASSWORD);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start embedded PostgreSQL", e);
        }
    }

    static synchronized EmbeddedPostgresServer server() throws Exception {
        if (server == null) {
            EmbeddedPostgresServer started = EmbeddedPostgresServer.start(0, null);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (Exception ignored) {
                    // the JVM is going away; the temporary directory goes with it
                }
            }));
            server = started;
        }
        return server;
    }

    @Override
    public void stop() {
        // Shared by the module's test classes; closed by the shutdown hook at JVM exit.
    }
}
