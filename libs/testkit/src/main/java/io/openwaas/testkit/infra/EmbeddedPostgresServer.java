package io.openwaas.testkit.infra;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real PostgreSQL 17 server from zonky's embedded binaries: no Docker, nothing installed. Used by the test
 * resources (random port, throw-away data directory) and by {@code bin/waas} (fixed port, data kept under
 * {@code .waas/}). The binaries are unpacked into a directory the caller owns, guarded by {@link PostgresBinaries}.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * Starts a server with the binaries under {@link PostgresBinaries#defaultDirectory()} (the tests' directory).
     *
     * @param port    TCP port on 127.0.0.1, or 0 for a free one
     * @param dataDir data directory; {@code null} for a temporary one deleted on close
     */
    public static EmbeddedPostgresServer start(int port, Path dataDir) throws IOException {
        return start(port, dataDir, PostgresBinaries.defaultDirectory());
    }

    /**
     * Starts a server.
     *
     * @param port        TCP port on 127.0.0.1, or 0 for a free one
     * @param dataDir     data directory; {@code null} for a temporary one (under {@code binariesDir}) deleted on close
     * @param binariesDir where the binaries are unpacked (once) and temporary data directories live: a directory the
     *                    caller owns; an unpack that an earlier process left unfinished there is removed first
     */
    public static EmbeddedPostgresServer start(int port, Path dataDir, Path binariesDir) throws IOException {
        Path dir = binariesDir.toAbsolutePath();
        return PostgresBinaries.guarded(dir, () -> {
            // zonky's builder takes the parent of temporary data directories from this property when it is made;
            // without it, it would create (and clean) a folder in the JVM temp directory even when told otherwise.
            System.setProperty("ot.epg.working-dir", dir.toString());
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setOverrideWorkingDirectory(dir.toFile())
                    .setPgBinaryResolver(new BinariesIn(dir))
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off");
            if (port > 0) {
                builder.setPort(port);
            }
            if (dataDir != null) {
                builder.setDataDirectory(dataDir).setCleanDataDirectory(false);
            }
            return new EmbeddedPostgresServer(builder.start());
        });
    }

    /**
     * zonky's default resolver, one per directory: zonky remembers per resolver where it unpacked the binaries, so with
     * its single default resolver a second directory in the same JVM would silently reuse the first.
     */
    private record BinariesIn(Path dir) implements PgBinaryResolver {
        @Override
        public InputStream getPgBinary(String system, String machineHardware) throws IOException {
            return DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, machineHardware);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    /** Creates the database if it does not exist yet. */
    public void ensureDatabase(String name) throws SQLException {
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("database name must be lower-case identifier: " + name);
        }
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            s.execute("CREATE DATABASE " + name);
        }
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
    }

    public String reactiveUrl(String database) {
        return "postgresql://127.0.0.1:" + port() + "/" + database;
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
