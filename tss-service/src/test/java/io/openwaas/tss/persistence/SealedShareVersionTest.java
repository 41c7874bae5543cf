package io.openwaas.tss.persistence;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.security.NamePrincipal;
import io.agroal.api.security.SimplePassword;
import io.openwaas.platform.events.tss.TssCurve;
import io.openwaas.platform.json.JsonConfig;
import io.openwaas.testkit.infra.EmbeddedPostgresServer;
import io.openwaas.tss.crypto.SecretBox;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 11 §4: a sealed key share is bound to its key id and its version. A share row restored from before a rewrite
 * (here: the pre-freeze ciphertext an attacker with database access puts back to unfreeze a key), an older
 * ciphertext copied into the current row, or a deleted share restored, is refused loudly — never opened.
 */
class SealedShareVersionTest {

    private static EmbeddedPostgresServer pg;
    private static AgroalDataSource ds;
    private static TssStore store;
    private static String url;

    @BeforeAll
    static void up() throws Exception {
        pg = EmbeddedPostgresServer.start(0, null);
        pg.ensureDatabase("tss_share_version");
        url = pg.jdbcUrl("tss_share_version");
        Flyway.configure().dataSource(url, EmbeddedPostgresServer.USER, EmbeddedPostgresServer.PASSWORD)
                .locations("classpath:db/platform", "classpath:db/migration").load().migrate();
        ds = AgroalDataSource.from(new AgroalDataSourceConfigurationSupplier().connectionPoolConfiguration(cp -> cp
                .maxSize(4).connectionFactoryConfiguration(cf -> cf.jdbcUrl(url)
                        .principal(new NamePrincipal(EmbeddedPostgresServer.USER))
                        .credential(new SimplePassword(EmbeddedPostgresServer.PASSWORD)))));
        byte[] kek = new byte[32];
        new SecureRandom().nextBytes(kek);
        store = new TssStore(ds, new SecretBox(kek), JsonConfig.newMapper());
    }

    @AfterAll
    static void down() throws Exception {
        if (ds != null) {
            ds.close();
        }
        if (pg != null) {
            pg.close();
        }
    }

    private static void insert(String keyId, byte[] share) {
        long now = System.currentTimeMillis();
        store.inTransaction(c -> {
            store.insertKey(c, new KeyRecord(keyId, TssCurve.SECP256K1, "02" + "11".repeat(32), "xpub-" + keyId, "g",
                    2, List.of("tss-node-0", "tss-node-1"), KeyRecord.ACTIVE, null, "r-" + keyId, now, now), share);
            return null;
        });
    }

    private record Row(byte[] sealed, long version) {
    }

    private static Row row(String keyId) throws Exception {
        try (Connection c = DriverManager.getConnection(url, EmbeddedPostgresServer.USER, EmbeddedPostgresServer.PASSWORD);
             PreparedStatement ps = c.prepareStatement("SELECT sealed_share, share_version FROM key_share WHERE key_id = ?")) {
            ps.setString(1, keyId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new Row(rs.getBytes(1), rs.getLong(2));
            }
        }
    }

    private static void restore(String keyId, Row old) throws Exception {
        try (Connection c = DriverManager.getConnection(url, EmbeddedPostgresServer.USER, EmbeddedPostgresServer.PASSWORD);
             PreparedStatement ps = c.prepareStatement("UPDATE key_share SET sealed_share = ?, share_version = ?, "
                     + "status = 'ACTIVE', frozen = NULL WHERE key_id = ?")) {
            ps.setBytes(1, old.sealed());
            ps.setLong(2, old.version());
            ps.setString(3, keyId);
            ps.executeUpdate();
        }
    }

    private static void sql(String statement, String keyId) throws Exception {
        try (Connection c = DriverManager.getConnection(url, EmbeddedPostgresServer.USER, EmbeddedPostgresServer.PASSWORD);
             PreparedStatement ps = c.prepareStatement(statement)) {
            ps.setString(1, keyId);
            ps.executeUpdate();
        }
    }

    @Test
    void aShareRowRestoredFromBeforeAFreezeIsRefused() throws Exception {
        byte[] share = "share-before-freeze".getBytes(StandardCharsets.UTF_8);
        insert("k-freeze", share);
        Row beforeFreeze = row("k-freeze");
        assertArrayEquals(share, store.openShare("k-freeze"));

        byte[] frozen = "share-frozen".getBytes(StandardCharsets.UTF_8);
        store.freeze("k-freeze", "terminal abort", frozen);
        assertArrayEquals(frozen, store.openShare("k-freeze"), "the rewritten share opens");
        assertTrue(row("k-freeze").version() > beforeFreeze.version(), "a rewrite raises the version");

        // the whole row as it was before the freeze (ciphertext and its version)
        restore("k-freeze", beforeFreeze);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> store.openShare("k-freeze"));
        assertTrue(e.getMessage().contains("older ciphertext was restored"), e.getMessage());

        // only the old ciphertext, under the current version
        restore("k-freeze", new Row(beforeFreeze.sealed(), beforeFreeze.version() + 1));
        e = assertThrows(IllegalStateException.class, () -> store.openShare("k-freeze"));
        assertTrue(e.getMessage().contains("does not open under its key id and version"), e.getMessage());
    }

    @Test
    void aShareCopiedFromAnotherKeyOrRestoredAfterDeletionIsRefused() throws Exception {
        insert("k-a", "a".getBytes(StandardCharsets.UTF_8));
        insert("k-b", "b".getBytes(StandardCharsets.UTF_8));
        restore("k-b", row("k-a"));
        assertThrows(IllegalStateException.class, () -> store.openShare("k-b"));

        store.inTransaction(c -> {
            store.deleteKey(c, "k-a");
            return null;
        });
        Row gone = new Row(new byte[40], 1); // any ciphertext: the refusal comes before decryption
        sql("INSERT INTO key_share (key_id, curve, public_key, root_pubkey, group_id, threshold, node_ids, status, "
                + "sealed_share, share_version, request_id, created_at, updated_at) VALUES (?, 'SECP256K1', 'p', 'r', "
                + "'g', 2, '[]', 'ACTIVE', '\\x00', 1, 'r', 0, 0)", "k-a");
        restore("k-a", gone);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> store.openShare("k-a"));
        assertTrue(e.getMessage().contains("no record of writing it"), e.getMessage());
    }
}
