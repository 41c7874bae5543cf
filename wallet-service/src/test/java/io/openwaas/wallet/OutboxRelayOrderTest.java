package io.openwaas.wallet;

import io.openwaas.platform.events.CloudEventHeaders;
import io.openwaas.platform.events.Topics;
import io.openwaas.platform.outbox.RetentionPurge;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The outbox relay keeps the order per key against a real broker that refuses one record (too large for the
 * producer): the failing key's later rows wait while another key's rows go out, the refused row is dead-lettered after
 * the configured attempts (3 in tests) and still holds its key, and once an operator releases it the key's rows go out
 * in their order. Published outbox rows and old inbox rows are purged after the retention.
 */
@QuarkusTest
class OutboxRelayOrderTest {

    /** Over the producer's max.request.size (1 MiB): the broker client refuses this record, not the broker's health. */
    private static final String TOO_LARGE = "x".repeat(1_200_000);

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @Inject
    RetentionPurge purge;

    @Test
    void aRefusedRowHoldsItsKeyWhileOtherKeysGoOutIsDeadLetteredAndKeepsTheOrderWhenReleased() throws Exception {
        String k = "outbox-order-K-" + UUID.randomUUID();
        String j = "outbox-order-J-" + UUID.randomUUID();
        long k1 = insert(k, 1, TOO_LARGE);
        insert(j, 1, null);
        long k2 = insert(k, 2, null);
        insert(j, 2, null);
        long k3 = insert(k, 3, null);

        Awaitility.await("J's rows published").atMost(Duration.ofSeconds(30)).until(() -> unpublished(j) == 0);
        Awaitility.await("K1 dead-lettered").atMost(Duration.ofSeconds(30)).until(() -> row(k1).deadLetteredAt() != null);
        Thread.sleep(1500); // a few more relay rounds: nothing of K may move now
        Row dead = row(k1);
        assertEquals(3, dead.attempts(), "dead-lettered after exactly max-attempts sends");
        assertNotNull(dead.lastError());
        assertTrue(dead.lastError().contains("RecordTooLarge"), dead.lastError());
        for (long later : List.of(k2, k3)) {
            Row r = row(later);
            assertNull(r.publishedAt(), "a later row of the refused key is held");
            assertEquals(0, r.attempts(), "a later row of the refused key is not even tried");
        }
        assertEquals(List.of(), sequences(k), "nothing of K on the topic");
        assertEquals(List.of("1", "2"), sequences(j), "J went out, in order");
        String metrics = RestAssured.get("/q/metrics").asString();
        assertTrue(metrics.lines().anyMatch(l -> l.startsWith("openwaas_outbox_dead_lettered_total")
                && l.contains("topic=\"tss.results\"") && !l.endsWith(" 0.0")), "dead letters are counted");

        // the operator fixes and releases the row (README: outbox dead letters)
        try (Connection c = db(); PreparedStatement s = c.prepareStatement("UPDATE outbox_event SET payload = ?, "
                + "dead_lettered_at = NULL, attempts = 0, next_attempt_at = NULL WHERE seq = ?")) {
            s.setString(1, payload(k, 1, null));
            s.setLong(2, k1);
            assertEquals(1, s.executeUpdate());
        }
        Awaitility.await("K's rows published").atMost(Duration.ofSeconds(30)).until(() -> unpublished(k) == 0);
        assertEquals(List.of("1", "2", "3"), sequences(k), "K's rows in their order, each once");
    }

    @Test
    void publishedOutboxRowsAndOldInboxRowsArePurgedAfterTheRetention() throws Throwable {
        String key = "outbox-purge-" + UUID.randomUUID();
        long eightDaysAgo = System.currentTimeMillis() - Duration.ofDays(8).toMillis();
        long oldPublished = insert(key, 1, null);
        long recentPublished = insert(key, 2, null);
        Awaitility.await("published").atMost(Duration.ofSeconds(30)).until(() -> unpublished(key) == 0);
        long oldDeadLetter = insert("outbox-purge-dead-" + UUID.randomUUID(), 1, null, eightDaysAgo);
        UUID oldInbox = UUID.randomUUID();
        UUID recentInbox = UUID.randomUUID();
        try (Connection c = db()) {
            try (PreparedStatement s = c.prepareStatement("UPDATE outbox_event SET published_at = ? WHERE seq = ?")) {
                s.setLong(1, eightDaysAgo);
                s.setLong(2, oldPublished);
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO inbox_event (consumer, event_id, processed_at) VALUES ('purge-test', ?, ?)")) {
                s.setObject(1, oldInbox);
                s.setLong(2, eightDaysAgo);
                s.executeUpdate();
                s.setObject(1, recentInbox);
                s.setLong(2, System.currentTimeMillis());
                s.executeUpdate();
            }
        }
        RetentionPurge.Purged purged = VertxContextSupport.subscribeAndAwait(() -> purge.purge());
        assertTrue(purged.outboxRows() >= 1 && purged.inboxRows() >= 1, purged.toString());
        assertFalse(exists("SELECT 1 FROM outbox_event WHERE seq = " + oldPublished), "old published row purged");
        assertTrue(exists("SELECT 1 FROM outbox_event WHERE seq = " + recentPublished), "recent published row kept");
        assertTrue(exists("SELECT 1 FROM outbox_event WHERE seq = " + oldDeadLetter), "a dead letter is never purged");
        assertFalse(exists("SELECT 1 FROM inbox_event WHERE event_id = '" + oldInbox + "'"), "old inbox row purged");
        assertTrue(exists("SELECT 1 FROM inbox_event WHERE event_id = '" + recentInbox + "'"), "recent inbox row kept");
    }

    private record Row(int attempts, String lastError, Long publishedAt, Long deadLetteredAt) {
    }

    private Connection db() throws Exception {
        return DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
    }

    private static String payload(String key, int sequence, String padding) {
        return "{\"request_id\":\"" + key + "\",\"node_id\":\"outbox-test\",\"status\":\"Confirmed\",\"timestamp\":"
                + sequence + (padding == null ? "" : ",\"padding\":\"" + padding + "\"") + "}";
    }

    private long insert(String key, int sequence, String padding) throws Exception {
        return insert(key, sequence, padding, null);
    }

    /** A row on tss.results (wallet-service ignores reports on request ids it did not make). */
    private long insert(String key, int sequence, String padding, Long deadLetteredAt) throws Exception {
        try (Connection c = db(); PreparedStatement s = c.prepareStatement("INSERT INTO outbox_event (event_id, topic, "
                + "event_key, event_type, source, subject, sequence, payload, created_at, dead_lettered_at) "
                + "VALUES (?, ?, ?, 'io.openwaas.tss.result.reported.v1', '/outbox-test', ?, ?, ?, ?, ?) RETURNING seq")) {
            s.setObject(1, UUID.randomUUID());
            s.setString(2, Topics.TSS_RESULTS);
            s.setString(3, key);
            s.setString(4, key);
            s.setLong(5, sequence);
            s.setString(6, payload(key, sequence, padding));
            s.setLong(7, System.currentTimeMillis());
            s.setObject(8, deadLetteredAt);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private Row row(long seq) throws Exception {
        try (Connection c = db(); PreparedStatement s = c.prepareStatement(
                "SELECT attempts, last_error, published_at, dead_lettered_at FROM outbox_event WHERE seq = ?")) {
            s.setLong(1, seq);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return new Row(rs.getInt(1), rs.getString(2), (Long) rs.getObject(3), (Long) rs.getObject(4));
            }
        }
    }

    private int unpublished(String key) throws Exception {
        try (Connection c = db(); PreparedStatement s = c.prepareStatement(
                "SELECT count(*) FROM outbox_event WHERE published_at IS NULL AND event_key = ?")) {
            s.setString(1, key);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private boolean exists(String sql) throws Exception {
        try (Connection c = db(); PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            return rs.next();
        }
    }

    /** The {@code sequence} extension of the key's records on tss.results, in offset order. */
    private static List<String> sequences(String key) {
        var read = TopicReader.readToEnd(Topics.TSS_RESULTS, Duration.ofSeconds(30));
        assertTrue(read.complete());
        List<String> out = new ArrayList<>();
        for (ConsumerRecord<String, String> r : read.records()) {
            if (key.equals(r.key())) {
                out.add(CloudEventHeaders.get(r.headers(), CloudEventHeaders.SEQUENCE));
            }
        }
        return out;
    }
}
