package io.openwaas.wallet;

import io.openwaas.platform.auth.CurveType;
import io.openwaas.platform.events.CloudEventHeaders;
import io.openwaas.platform.events.Topics;
import io.openwaas.platform.inbox.Inbox;
import io.openwaas.testkit.auth.ApiKeyPair;
import io.openwaas.testkit.infra.KafkaTestResource;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The outbox never loses or doubles events, even when the broker is away; the inbox drops redeliveries. */
@QuarkusTest
class OutboxTest {

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @Inject
    Inbox inbox;

    @Test
    void eventsMadeWhileTheBrokerIsDownArePublishedExactlyOnceWhenItReturns() throws Exception {
        String orgId = Fixtures.createOrganization("outbox");
        List<String> keys = new ArrayList<>();
        KafkaTestResource.stopBroker();
        try {
            for (int i = 0; i < 50; i++) {
                ApiKeyPair key = ApiKeyPair.random(CurveType.ED25519);
                Fixtures.registerKey(orgId, key, List.of("read")).then().statusCode(201);
                keys.add(key.apiKey());
            }
            assertEquals(50, unpublished(keys), "all 50 events wait in the outbox while the broker is down");
        } finally {
            KafkaTestResource.startBroker();
        }
        Awaitility.await("outbox drained").atMost(Duration.ofSeconds(90)).until(() -> unpublished(keys) == 0);

        Map<String, List<ConsumerRecord<String, String>>> byKey = readTopic(Set.copyOf(keys));
        Set<String> eventIds = new HashSet<>();
        for (String key : keys) {
            List<ConsumerRecord<String, String>> records = byKey.getOrDefault(key, List.of());
            assertEquals(1, records.size(), "exactly one event for key " + key);
            ConsumerRecord<String, String> r = records.get(0);
            assertEquals("1.0", CloudEventHeaders.get(r.headers(), CloudEventHeaders.SPEC_VERSION));
            assertEquals("io.openwaas.iam.api_key.updated.v1", CloudEventHeaders.get(r.headers(), CloudEventHeaders.TYPE));
            assertEquals("/wallet-service", CloudEventHeaders.get(r.headers(), CloudEventHeaders.SOURCE));
            assertEquals(key, CloudEventHeaders.get(r.headers(), CloudEventHeaders.SUBJECT));
            assertEquals(orgId, CloudEventHeaders.get(r.headers(), CloudEventHeaders.ORG_ID));
            assertEquals("1", CloudEventHeaders.get(r.headers(), CloudEventHeaders.SEQUENCE));
            assertTrue(r.value().contains("\"api_key\":\"" + key + "\""));
            assertTrue(eventIds.add(CloudEventHeaders.get(r.headers(), CloudEventHeaders.ID)), "event ids are unique");
        }
    }

    @Test
    void inboxRecognisesARedeliveredEvent() throws Throwable {
        UUID eventId = UUID.randomUUID();
        assertTrue(deliver("test-consumer", eventId), "first delivery");
        assertFalse(deliver("test-consumer", eventId), "redelivery is recognised");
        assertTrue(deliver("other-consumer", eventId), "each consumer has its own inbox");
    }

    private boolean deliver(String consumer, UUID eventId) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> inbox.firstDelivery(consumer, eventId)));
    }

    private int unpublished(List<String> keys) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
             PreparedStatement s = c.prepareStatement(
                     "SELECT count(*) FROM outbox_event WHERE published_at IS NULL AND event_key = ANY (?)")) {
            s.setArray(1, c.createArrayOf("text", keys.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private Map<String, List<ConsumerRecord<String, String>>> readTopic(Set<String> wanted) {
        var read = TopicReader.readToEnd(Topics.IAM_API_KEYS, Duration.ofSeconds(30));
        assertTrue(read.complete(), "read the whole topic");
        Map<String, List<ConsumerRecord<String, String>>> byKey = new HashMap<>();
        for (ConsumerRecord<String, String> r : read.records()) {
            if (wanted.contains(r.key())) {
                byKey.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(r);
            }
        }
        return byKey;
    }
}
