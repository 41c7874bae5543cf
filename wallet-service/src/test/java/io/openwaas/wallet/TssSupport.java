package io.openwaas.wallet;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.openwaas.platform.events.CloudEventHeaders;
import io.openwaas.platform.events.EventType;
import io.openwaas.platform.events.Topics;
import io.openwaas.platform.events.tss.TssCurve;
import io.openwaas.platform.events.tss.TssNodeInfo;
import io.openwaas.platform.events.tss.TssNodeStatus;
import io.openwaas.platform.events.tss.TssRequestType;
import io.openwaas.platform.events.tss.TssResult;
import io.openwaas.platform.events.tss.TssResultStatus;
import io.openwaas.platform.json.JsonConfig;
import io.openwaas.testkit.auth.SignedClient;
import io.openwaas.testkit.infra.ControlKeys;
import io.restassured.response.Response;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Plays the TSS nodes' side of the event contract in tests: announces nodes on {@code tss.nodes}, reports on
 * {@code tss.results} (CloudEvents binary mode, as the platform's relay writes them) and reads the commands
 * wallet-service puts on {@code tss.requests}.
 */
final class TssSupport {

    static final ObjectMapper MAPPER = JsonConfig.newMapper();

    private TssSupport() {
    }

    static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    /**
     * Fresh node ids for one test, so tests never share nodes: from the pool of fake node ids whose keys the
     * platform pins in tests ({@link ControlKeys#fakeNodes}); {@code prefix} only documents the caller.
     */
    static List<String> nodeIds(String prefix, int n) {
        return ControlKeys.fakeNodes(n);
    }

    /** A node's announcement with its pinned identity key (what the node itself would announce). */
    static TssNodeInfo node(String nodeId, TssNodeStatus status, long updatedTimestamp, long heartbeatMs) {
        return new TssNodeInfo(nodeId, Math.abs(nodeId.hashCode()) + 1, ControlKeys.publicKeyHex(nodeId),
                "11".repeat(32), "EkEB", false, null, status, heartbeatMs, updatedTimestamp);
    }

    /** Announces nodes as Online now (heartbeat one minute) and waits until wallet-service knows them. */
    static void announceOnline(SignedClient client, List<String> nodeIds) {
        for (String id : nodeIds) {
            announce(node(id, TssNodeStatus.ONLINE, System.currentTimeMillis(), 60_000));
        }
        awaitKnown(client, nodeIds);
    }

    /** Announces a node as the node itself does: signed with its key. */
    static void announce(TssNodeInfo node) {
        send(Topics.TSS_NODES, node.nodeId(), UUID.randomUUID().toString(), EventType.TSS_NODE_UPDATED,
                "/tss-service/" + node.nodeId(), node, node.nodeId());
    }

    static void awaitKnown(SignedClient client, List<String> nodeIds) {
        Awaitility.await("nodes known " + nodeIds).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    List<String> known = client.get("/v2/wallets/mpc/cobo_key_share_holders").jsonPath()
                            .getList("tss_node_id");
                    return known.containsAll(nodeIds);
                });
    }

    /** Publishes a node's report with a fresh CloudEvents id; returns the id. */
    static String report(TssResult result) {
        String id = UUID.randomUUID().toString();
        report(id, result);
        return id;
    }

    /** Reports as the node the result names: signed with its key. */
    static void report(String eventId, TssResult result) {
        send(Topics.TSS_RESULTS, result.requestId(), eventId, EventType.TSS_RESULT_REPORTED,
                "/tss-service/" + result.nodeId(), result, result.nodeId());
    }

    static TssResult confirmed(String requestId, TssRequestType type, String nodeId) {
        return new TssResult(requestId, type, nodeId, TssResultStatus.CONFIRMED, null, null, null, null,
                System.currentTimeMillis());
    }

    static TssResult rejected(String requestId, TssRequestType type, String nodeId, String error) {
        return new TssResult(requestId, type, nodeId, TssResultStatus.REJECTED, error, null, null, null,
                System.currentTimeMillis());
    }

    static TssResult failed(String requestId, TssRequestType type, String nodeId, String error) {
        return new TssResult(requestId, type, nodeId, TssResultStatus.FAILED, error, List.of(), null, null,
                System.currentTimeMillis());
    }

    static TssResult succeeded(String requestId, TssRequestType type, String nodeId, List<TssResult.Key> keys) {
        return new TssResult(requestId, type, nodeId, TssResultStatus.SUCCEEDED, null, null, keys, null,
                System.currentTimeMillis());
    }

    /** Keys as nodes would report them for a group: distinct per {@code seed}. */
    static List<TssResult.Key> keys(String groupId, int threshold, List<String> nodeIds, String seed) {
        String h = Integer.toHexString(seed.hashCode());
        return List.of(
                new TssResult.Key(TssCurve.SECP256K1, groupId, "02" + pad(h, 64), "xpub661MyMwAqRbc" + seed,
                        "k1" + pad(h, 62), threshold, nodeIds),
                new TssResult.Key(TssCurve.ED25519, groupId, pad(h, 64), "cpub" + seed, "e1" + pad(h, 62), threshold,
                        nodeIds));
    }

    private static String pad(String hex, int len) {
        StringBuilder s = new StringBuilder();
        while (s.length() < len) {
            s.append(hex);
        }
        return s.substring(0, len);
    }

    /**
     * A record without CloudEvents headers (a bare value), signed by {@code signer} (null: unsigned, as anyone with
     * access to the broker could write it).
     */
    static void sendBare(String topic, String key, String value, String signer) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
        if (signer != null) {
            ControlKeys.sign(record, signer);
        }
        sendRaw(record);
    }

    /** Sends a record exactly as given (a raw producer: what an attacker on the broker can do). */
    static void sendRaw(ProducerRecord<String, String> record) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish to " + record.topic(), e);
        }
    }

    /** A record with CloudEvents headers, as the platform writes them, unsigned. */
    static ProducerRecord<String, String> event(String topic, String key, String eventId, String type, String source,
                                                Object data) {
        try {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, MAPPER.writeValueAsString(data));
            header(record, CloudEventHeaders.SPEC_VERSION, "1.0");
            header(record, CloudEventHeaders.ID, eventId);
            header(record, CloudEventHeaders.SOURCE, source);
            header(record, CloudEventHeaders.TYPE, type);
            header(record, CloudEventHeaders.SUBJECT, key);
            header(record, CloudEventHeaders.TIME, Instant.now().toString());
            header(record, CloudEventHeaders.CONTENT_TYPE, "application/json");
            return record;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static void send(String topic, String key, String eventId, String type, String source, Object data,
                             String signer) {
        sendRaw(ControlKeys.sign(event(topic, key, eventId, type, source, data), signer));
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The records on {@code tss.requests} that match, read from the beginning to the end; waits until at least one
     * is there, then reads once more to the (new) end so a late duplicate would be seen too.
     */
    static List<ConsumerRecord<String, String>> commands(Predicate<ConsumerRecord<String, String>> wanted) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        Awaitility.await("command on tss.requests").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    found.clear();
                    found.addAll(readAll(wanted));
                    return !found.isEmpty();
                });
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return readAll(wanted);
    }

    /** Everything on tss.requests that matches. */
    static List<ConsumerRecord<String, String>> readAll(Predicate<ConsumerRecord<String, String>> wanted) {
        return TopicReader.readToEnd(Topics.TSS_REQUESTS, Duration.ofSeconds(20)).records().stream()
                .filter(wanted).toList();
    }

    // ------------------------------------------------------------------ API helpers

    static String createVault(SignedClient client) {
        return client.post("/v2/wallets/mpc/vaults", "{\"name\":\"keys\",\"vault_type\":\"Org-Controlled\"}")
                .then().statusCode(201).extract().path("vault_id");
    }

    static String groupsPath(String vaultId) {
        return "/v2/wallets/mpc/vaults/" + vaultId + "/key_share_holder_groups";
    }

    static String requestsPath(String vaultId) {
        return "/v2/wallets/mpc/vaults/" + vaultId + "/tss_requests";
    }

    static String groupBody(String type, int participants, int threshold, List<String> nodeIds) {
        StringBuilder holders = new StringBuilder();
        for (String id : nodeIds) {
            if (holders.length() > 0) {
                holders.append(',');
            }
            holders.append("{\"name\":\"").append(id).append("\",\"type\":\"API\",\"tss_node_id\":\"").append(id)
                    .append("\",\"signer\":true}");
        }
        return "{\"key_share_holder_group_type\":\"" + type + "\",\"participants\":" + participants
                + ",\"threshold\":" + threshold + ",\"key_share_holders\":[" + holders + "]}";
    }

    static String createGroup(SignedClient client, String vaultId, String type, int threshold, List<String> nodeIds) {
        Response r = client.post(groupsPath(vaultId), groupBody(type, nodeIds.size(), threshold, nodeIds));
        assertEquals(201, r.statusCode(), r.asString());
        return r.jsonPath().getString("key_share_holder_group_id");
    }

    static String tssRequestStatus(SignedClient client, String vaultId, String requestId) {
        return client.get(requestsPath(vaultId) + "/" + requestId).then().statusCode(200).extract().path("status");
    }

    static void awaitRequestStatus(SignedClient client, String vaultId, String requestId, String status) {
        Awaitility.await("TSS request " + requestId + " → " + status).atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> status.equals(tssRequestStatus(client, vaultId, requestId)));
    }
}
