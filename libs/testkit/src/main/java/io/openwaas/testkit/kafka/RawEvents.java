package io.openwaas.testkit.kafka;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.openwaas.platform.json.JsonConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Writes CloudEvents (Kafka binary mode, as the platform's outbox relay does) straight to the broker with a raw
 * producer: what a test needs to play a producing service at the contract boundary, or an attacker on the broker.
 */
public final class RawEvents {

    private static final ObjectMapper JSON = JsonConfig.newMapper();

    private RawEvents() {
    }

    /** Sends one event, unsigned, and waits for the broker's acknowledgement; returns its CloudEvents id. */
    public static UUID send(String bootstrap, String topic, String key, String type, String source, String orgId,
                            long sequence, Object data) {
        return send(bootstrap, topic, key, type, source, orgId, sequence, data, null);
    }

    /**
     * Sends one event signed as the control-plane producer {@code signer} with its test key
     * ({@link io.openwaas.testkit.infra.ControlKeys}; null: unsigned) and waits for the acknowledgement; returns its
     * CloudEvents id. A control topic's consumers refuse an unsigned record.
     */
    public static UUID send(String bootstrap, String topic, String key, String type, String source, String orgId,
                            long sequence, Object data, String signer) {
        UUID id = UUID.randomUUID();
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, key,
                    data instanceof String s ? s : JSON.writeValueAsString(data));
            header(record, "ce_specversion", "1.0");
            header(record, "ce_id", id.toString());
            header(record, "ce_source", source);
            header(record, "ce_type", type);
            header(record, "ce_subject", key);
            header(record, "ce_time", Instant.now().toString());
            header(record, "content-type", "application/json");
            if (orgId != null) {
                header(record, "ce_orgid", orgId);
            }
            header(record, "ce_sequence", Long.toString(sequence));
            if (signer != null) {
                io.openwaas.testkit.infra.ControlKeys.sign(record, signer);
            }
            producer.send(record).get(30, TimeUnit.SECONDS);
            return id;
        } catch (Exception e) {
            throw new IllegalStateException("cannot send to " + topic + ": " + e.getMessage(), e);
        }
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
    }
}
