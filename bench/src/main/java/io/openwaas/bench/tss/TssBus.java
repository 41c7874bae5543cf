package io.openwaas.bench.tss;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Talks to the TSS nodes as wallet-service and transaction-service do: commands on {@code tss.requests} (key = request
 * id, CloudEvents 1.0 binary mode, the value the JSON of the platform's {@code TssRequest}, signed by the issuer's
 * control identity key), reports read from every
 * partition of {@code tss.results} (from its end when the bus opens). The bench does not depend on libs/platform's
 * event classes: the JSON is built field by field in the order and spelling of the golden sample
 * {@code META-INF/openwaas/events/io.openwaas.tss.request.submitted.v1.json}.
 *
 * <p>A published request completes its future with the first decisive report: a report carrying
 * {@code signatures} (the node that assembled them) or a {@code Failed} / {@code Rejected} report from any signer.
 * The receive time is taken on the reader thread as soon as the record is polled.
 */
final class TssBus implements AutoCloseable {

    static final String REQUESTS = "tss.requests";
    static final String RESULTS = "tss.results";
    static final String REQUEST_TYPE = "io.openwaas.tss.request.submitted.v1";

    /** The decisive report for one request. */
    record Report(String requestId, String nodeId, String status, String error, JsonNode signatures,
                  long timestamp, long receivedNanos) {

        boolean signed() {
            return "Succeeded".equals(status) && signatures != null && signatures.isArray() && !signatures.isEmpty();
        }
    }

    private final ObjectMapper mapper;
    private final io.openwaas.platform.events.signing.RecordSigner issuer;
    private final KafkaProducer<String, String> producer;
    private final KafkaConsumer<String, String> consumer;
    private final Map<String, CompletableFuture<Report>> pending = new ConcurrentHashMap<>();
    private final Thread reader;
    private volatile boolean running = true;
    private volatile Throwable readerFailure;

    TssBus(String bootstrap, ObjectMapper mapper, io.openwaas.platform.events.signing.RecordSigner issuer) {
        this.mapper = mapper;
        this.issuer = issuer;
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        p.put("client.id", "bench-tss-producer");
        p.put("key.serializer", StringSerializer.class.getName());
        p.put("value.serializer", StringSerializer.class.getName());
        p.put("acks", "all");
        p.put("linger.ms", "0");
        producer = new KafkaProducer<>(p);

        Properties c = new Properties();
        c.put("bootstrap.servers", bootstrap);
        c.put("client.id", "bench-tss-results");
        c.put("enable.auto.commit", "false");
        c.put("key.deserializer", StringDeserializer.class.getName());
        c.put("value.deserializer", StringDeserializer.class.getName());
        consumer = new KafkaConsumer<>(c);
        List<TopicPartition> parts = new ArrayList<>();
        consumer.partitionsFor(RESULTS, Duration.ofSeconds(30))
                .forEach(i -> parts.add(new TopicPartition(i.topic(), i.partition())));
        if (parts.isEmpty()) {
            throw new IllegalStateException("topic " + RESULTS + " has no partitions (is bin/waas up running?)");
        }
        consumer.assign(parts);
        consumer.seekToEnd(parts);
        parts.forEach(consumer::position); // resolve the end offsets now, before anything is published
        reader = new Thread(this::read, "bench-tss-results");
        reader.setDaemon(true);
        reader.start();
    }

    private void read() {
        try {
            while (running) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(100))) {
                    long now = System.nanoTime();
                    if (r.value() == null) {
                        continue;
                    }
                    JsonNode v;
                    try {
                        v = mapper.readTree(r.value());
                    } catch (Exception e) {
                        continue; // not ours to judge; a report we wait for that never parses ends in a timeout
                    }
                    String id = v.path("request_id").asText(r.key());
                    CompletableFuture<Report> f = pending.get(id);
                    if (f == null) {
                        continue;
                    }
                    String status = v.path("status").asText("");
                    JsonNode sigs = v.get("signatures");
                    boolean decisive = status.equals("Failed") || status.equals("Rejected")
                            || (status.equals("Succeeded") && sigs != null && !sigs.isNull());
                    if (decisive) {
                        pending.remove(id);
                        f.complete(new Report(id, v.path("node_id").asText(""), status,
                                v.hasNonNull("error") ? v.get("error").asText() : null, sigs,
                                v.path("timestamp").asLong(0), now));
                    }
                }
            }
        } catch (org.apache.kafka.common.errors.WakeupException e) {
            // closing
        } catch (Throwable t) {
            readerFailure = t;
            pending.values().forEach(f -> f.completeExceptionally(t));
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    /**
     * One KeySign with a single message, exactly as the platform's {@code TssRequest} serialises it (snake_case, null
     * fields left out).
     */
    static ObjectNode keySign(ObjectMapper mapper, String requestId, String orgId, String groupId, String rootPubKey,
                              List<String> signers, String path, String msgHex, String signatureType) {
        ObjectNode r = mapper.createObjectNode();
        r.put("request_id", requestId);
        r.put("type", "KeySign");
        r.put("org_id", orgId);
        r.put("api_request_id", "bench-" + requestId);
        r.put("created_timestamp", System.currentTimeMillis());
        ObjectNode s = r.putObject("key_sign");
        s.put("group_id", groupId);
        s.put("root_pub_key", rootPubKey);
        signers.forEach(s.putArray("used_node_ids")::add);
        s.putArray("bip32_path_list").add(path);
        s.putArray("msg_hash_list").add(msgHex);
        s.putArray("tweak_list");
        s.put("signature_type", signatureType);
        return r;
    }

    /**
     * Registers the request, then publishes it (key = request id, CloudEvents binary headers as the platform's
     * {@code CloudEventHeaders.write}). The future completes with the decisive report; a send failure completes it
     * exceptionally.
     */
    CompletableFuture<Report> publish(ObjectNode request) throws Exception {
        if (readerFailure != null) {
            throw new IllegalStateException("the tss.results reader failed", readerFailure);
        }
        String id = request.get("request_id").asText();
        String json = mapper.writeValueAsString(request);
        CompletableFuture<Report> f = new CompletableFuture<>();
        pending.put(id, f);
        ProducerRecord<String, String> rec = new ProducerRecord<>(REQUESTS, id, json);
        Headers h = rec.headers();
        put(h, "ce_specversion", "1.0");
        put(h, "ce_id", UUID.randomUUID().toString());
        put(h, "ce_source", "/bench/tss");
        put(h, "ce_type", REQUEST_TYPE);
        put(h, "ce_subject", id);
        put(h, "ce_time", Instant.ofEpochMilli(request.get("created_timestamp").asLong()).toString());
        put(h, "ce_orgid", request.path("org_id").asText(""));
        put(h, "ce_sequence", "1");
        put(h, "content-type", "application/json");
        issuer.sign(REQUESTS, id, h, json.getBytes(StandardCharsets.UTF_8));
        producer.send(rec, (md, e) -> {
            if (e != null) {
                pending.remove(id);
                f.completeExceptionally(e);
            }
        });
        return f;
    }

    /** Stops waiting for a request (after its timeout). */
    void forget(String requestId) {
        pending.remove(requestId);
    }

    private static void put(Headers h, String name, String value) {
        h.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            reader.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close(Duration.ofSeconds(5));
    }
}
