package io.openwaas.testkit.infra;

import io.openwaas.platform.kafka.CompactedTopicView;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link CompactedTopicView} against a real broker: a record the parser refuses removes the key in a fail-closed view
 * and is ignored in a default one; a view whose broker is gone stops being {@linkplain CompactedTopicView#fresh fresh}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CompactedTopicViewTest {

    private static final String TOPIC = "view.test";
    private static final Duration STALE_AFTER = Duration.ofSeconds(8);

    private Path dir;
    private KafkaBroker broker;
    private KafkaProducer<String, String> producer;

    @BeforeAll
    void start() throws Exception {
        dir = Files.createTempDirectory("openwaas-view-test-");
        broker = KafkaBroker.start(dir.resolve("kafka"), 0);
        broker.createTopics(List.of(TOPIC), List.of(TOPIC));
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000");
        producer = new KafkaProducer<>(p);
    }

    @AfterAll
    void stop() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(2));
        }
        if (broker != null) {
            broker.stop();
        }
    }

    /** Values are "v<number>"; anything else is refused (throws), "skip" makes the parser return null. */
    private CompactedTopicView<Integer> view(String name, CompactedTopicView.Refused refused) {
        return new CompactedTopicView<>(TOPIC, broker.bootstrapServers(), name, record -> {
            String value = record.value();
            if (value.equals("skip")) {
                return null;
            }
            if (!value.startsWith("v")) {
                throw new IllegalArgumentException("not a value");
            }
            return Integer.parseInt(value.substring(1));
        }, Math::max, refused);
    }

    private void send(String key, String value) throws Exception {
        producer.send(new ProducerRecord<>(TOPIC, key, value)).get();
    }

    @Test
    void aRefusedRecordRemovesTheKeyOnlyInAFailClosedView() throws Exception {
        CompactedTopicView<Integer> closed = view("closed", CompactedTopicView.Refused.REMOVES_KEY);
        CompactedTopicView<Integer> lenient = view("lenient", CompactedTopicView.Refused.IGNORED);
        closed.start();
        lenient.start();
        try {
            send("a", "v1");
            send("b", "v1");
            await(() -> closed.find("b").isPresent() && lenient.find("b").isPresent(), "both views read a and b");

            send("a", "{garbled");
            send("b", "skip");
            send("marker", "v9");
            await(() -> closed.find("marker").isPresent() && lenient.find("marker").isPresent(), "both read on");

            assertEquals(Optional.empty(), closed.find("a"), "an unparsable record revokes in a fail-closed view");
            assertEquals(Optional.empty(), closed.find("b"), "so does one the parser returns null for");
            assertEquals(Optional.of(1), lenient.find("a"), "a default view ignores it");
            assertEquals(Optional.of(1), lenient.find("b"));

            send("a", "v2");
            await(() -> closed.find("a").isPresent(), "a valid newer record brings the key back");
        } finally {
            closed.stop();
            lenient.stop();
        }
    }

    @Test
    void aViewWhoseBrokerIsGoneIsNoLongerFresh() throws Exception {
        CompactedTopicView<Integer> view = view("freshness", CompactedTopicView.Refused.REMOVES_KEY);
        view.start();
        try {
            await(() -> view.fresh(STALE_AFTER), "fresh once caught up");
            Thread.sleep(3 * 2000); // several contact checks with the broker up: still fresh
            assertTrue(view.fresh(STALE_AFTER), "quiet topic, broker up: fresh");
            broker.kill();
            await(() -> !view.fresh(STALE_AFTER), "stale once the broker is gone");
            assertTrue(view.caughtUp(), "caught up stays true; freshness is what readiness needs");
            broker.start();
            await(() -> view.fresh(STALE_AFTER), "fresh again when the broker is back");
        } finally {
            view.stop();
            if (!broker.isRunning()) {
                broker.start();
            }
        }
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                assertFalse(true, "timed out waiting: " + what);
            }
            Thread.sleep(50);
        }
    }
}
