package io.openwaas.testkit.infra;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmbeddedInfrastructureTest {

    @Test
    void postgresServesSqlAndKeepsDataAcrossRestart(@TempDir Path dir) throws Exception {
        int port;
        try (EmbeddedPostgresServer pg = EmbeddedPostgresServer.start(0, dir.resolve("pg"))) {
            port = pg.port();
            pg.ensureDatabase("wallet");
            pg.ensureDatabase("wallet"); // idempotent
            try (Connection c = DriverManager.getConnection(pg.jdbcUrl("wallet"), "postgres", "postgres");
                 Statement s = c.createStatement()) {
                s.execute("CREATE TABLE t (v TEXT)");
                s.execute("INSERT INTO t VALUES ('kept')");
            }
        }
        try (EmbeddedPostgresServer pg = EmbeddedPostgresServer.start(port, dir.resolve("pg"));
             Connection c = DriverManager.getConnection(pg.jdbcUrl("wallet"), "postgres", "postgres");
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT v FROM t")) {
            assertTrue(rs.next());
            assertEquals("kept", rs.getString(1));
        }
    }

    @Test
    void kafkaBrokerRunsInItsOwnJvmAndSurvivesRestart(@TempDir Path dir) throws Exception {
        try (KafkaBroker broker = KafkaBroker.start(dir, 0)) {
            broker.createTopics(List.of("t.plain", "t.compact"), Set.of("t.compact"));
            send(broker, "t.plain", "k", "before");
            broker.stop();
            assertFalse(broker.isRunning());
            broker.start();
            send(broker, "t.plain", "k", "after");
            assertEquals(List.of("before", "after"), readAll(broker, "t.plain", 2));
        }
    }

    private static void send(KafkaBroker broker, String topic, String key, String value) throws Exception {
        Properties p = new Properties();
        p.putAll(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        }
    }

    private static List<String> readAll(KafkaBroker broker, String topic, int expected) {
        Properties p = new Properties();
        p.putAll(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "reader",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()));
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.currentTimeMillis() + 30_000;
            while (values.size() < expected && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    values.add(r.value());
                }
            }
        }
        return values;
    }
}
