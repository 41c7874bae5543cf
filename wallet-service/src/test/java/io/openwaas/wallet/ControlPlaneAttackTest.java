package io.openwaas.wallet;

import com.fasterxml.jackson.databind.JsonNode;
import io.openwaas.platform.auth.ApiKeyRecord;
import io.openwaas.platform.auth.ApiKeyStatus;
import io.openwaas.platform.auth.CurveType;
import io.openwaas.platform.auth.Scope;
import io.openwaas.platform.events.EventType;
import io.openwaas.platform.events.Topics;
import io.openwaas.platform.events.signing.RecordSigner;
import io.openwaas.platform.events.tss.TssCurve;
import io.openwaas.platform.events.tss.TssNodeInfo;
import io.openwaas.platform.events.tss.TssNodeStatus;
import io.openwaas.platform.events.tss.TssRequest;
import io.openwaas.platform.events.tss.TssRequestType;
import io.openwaas.platform.events.tss.TssResult;
import io.openwaas.testkit.auth.ApiKeyPair;
import io.openwaas.testkit.auth.SignedClient;
import io.openwaas.testkit.infra.ControlKeys;
import io.openwaas.testkit.infra.TssNodesTestResource;
import io.openwaas.testkit.process.ServiceProcess;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static io.openwaas.wallet.TssSupport.awaitRequestStatus;
import static io.openwaas.wallet.TssSupport.createGroup;
import static io.openwaas.wallet.TssSupport.createVault;
import static io.openwaas.wallet.TssSupport.requestsPath;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 11 §2: the broker is not a trust root. With a raw Kafka producer, as anyone with access to the broker could,
 * these tests inject forged (unsigned, signed by an unknown or wrong key, by a producer not allowed on the topic),
 * altered (value changed after signing), replayed (a signed record moved to another key or topic, or re-sent long
 * after it was signed) and re-keyed records on every control topic, and check that nothing changes: no API key is
 * registered or revoked, no root key is set, no node identity is replaced or node forgotten, the real TSS nodes
 * neither generate nor claim anything — and that every refusal is counted and listed at
 * {@code /admin/dropped-records}. Each test ends with the genuine record, which does take effect, so the injection
 * path is shown to be live.
 */
@QuarkusTest
class ControlPlaneAttackTest {

    private static final SecureRandom RND = new SecureRandom();

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    /** What a producer that is not the pinned one signs with: the same name, another key. */
    private static RecordSigner impostor(String name) {
        byte[] seed = new byte[32];
        RND.nextBytes(seed);
        return RecordSigner.wrap(name, seed);
    }

    private static byte[] utf8(String s) {
        return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
    }

    /** Signs {@code record} as if it were for {@code topic} / {@code key} (a replay when they differ). */
    private static ProducerRecord<String, String> signedFor(ProducerRecord<String, String> record, RecordSigner signer,
                                                            String topic, String key, String value, long at) {
        signer.sign(topic, key, record.headers(), utf8(value), at);
        return record;
    }

    /**
     * The forged, altered and replayed variants of one record, each sent with a raw producer: value {@code value}
     * under {@code key} on {@code topic}; {@code genuine} is the producer allowed there, {@code otherPinned} a pinned
     * producer that is not.
     */
    private static List<String> injectVariants(String topic, String key, String eventType, Object data, String genuine,
                                               String otherPinned) throws Exception {
        String value = TssSupport.MAPPER.writeValueAsString(data);
        long now = System.currentTimeMillis();
        List<String> reasons = new ArrayList<>();
        // forged: unsigned
        TssSupport.sendRaw(TssSupport.event(topic, key, UUID.randomUUID().toString(), eventType, "/attacker", data));
        reasons.add("UNSIGNED");
        // forged: the genuine producer's name, another key
        TssSupport.sendRaw(signedFor(TssSupport.event(topic, key, UUID.randomUUID().toString(), eventType, "/attacker",
                data), impostor(genuine), topic, key, value, now));
        reasons.add("BAD_SIGNATURE");
        // forged: a name nobody pinned
        TssSupport.sendRaw(signedFor(TssSupport.event(topic, key, UUID.randomUUID().toString(), eventType, "/attacker",
                data), impostor("evil-service"), topic, key, value, now));
        reasons.add("UNKNOWN_SIGNER");
        // forged: a pinned producer, but not one of this topic
        TssSupport.sendRaw(signedFor(TssSupport.event(topic, key, UUID.randomUUID().toString(), eventType, "/attacker",
                data), ControlKeys.signer(otherPinned), topic, key, value, now));
        reasons.add("SIGNER_NOT_ALLOWED");
        // altered: the genuine producer signed another value
        TssSupport.sendRaw(signedFor(TssSupport.event(topic, key, UUID.randomUUID().toString(), eventType, "/attacker",
                data), ControlKeys.signer(genuine), topic, key, value.replace("}", ",\"x\":1}"), now));
        // replayed under another record key, and from another topic
        TssSupport.sendRaw(signedFor(TssSupport.event(topic, key, UUID.randomUUID().toString(), eventType, "/attacker",
                data), ControlKeys.signer(genuine), topic, key + "-other", value, now));
        TssSupport.sendRaw(signedFor(TssSupport.event(topic, key, UUID.randomUUID().toString(), eventType, "/attacker",
                data), ControlKeys.signer(genuine), topic.equals(Topics.TSS_NODES) ? Topics.TSS_RESULTS : Topics.TSS_NODES,
                key, value, now));
        // replayed: signed an hour ago (captured, re-sent now)
        TssSupport.sendRaw(signedFor(TssSupport.event(topic, key, UUID.randomUUID().toString(), eventType, "/attacker",
                data), ControlKeys.signer(genuine), topic, key, value, now - Duration.ofHours(1).toMillis()));
        reasons.add("STALE");
        return reasons;
    }

    private static JsonNode droppedRecords(io.restassured.specification.RequestSpecification spec, String path) {
        try {
            return TssSupport.MAPPER.readTree(spec.header("Authorization", "Bearer " + Fixtures.operatorToken())
                    .get(path).then().statusCode(200).extract().asString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The reasons wallet-service listed for refused records of {@code topic} under {@code key}. */
    private static Set<String> refusedHere(String topic, String key) {
        Set<String> reasons = new HashSet<>();
        for (JsonNode r : droppedRecords(RestAssured.given(), "/admin/dropped-records")) {
            if (topic.equals(r.get("topic").asText()) && key.equals(r.path("key").asText())) {
                reasons.add(r.get("reason").asText());
            }
        }
        return reasons;
    }

    /**
     * Waits (up to 20 s) until the service has listed the refusals, so what follows sees every injected record
     * handled. It does not assert: the state is checked first, then {@link #assertRefusedHere} (on code without
     * signatures there is no listing, and the state checks are what fails).
     */
    private static void settle(java.util.concurrent.Callable<Boolean> listed) {
        try {
            Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                    .until(listed);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            // asserted after the state
        }
    }

    private static void assertRefusedHere(String topic, String key, List<String> reasons) {
        Set<String> listed = refusedHere(topic, key);
        assertTrue(listed.containsAll(reasons) && listed.contains("BAD_SIGNATURE"), "listed: " + listed);
    }

    private static double refusedMetric(String topic, String reason) {
        String metrics = RestAssured.get("/q/metrics").then().statusCode(200).extract().asString();
        for (String line : metrics.split("\n")) {
            if (line.startsWith("openwaas_control_records_refused_total{") && line.contains("topic=\"" + topic + "\"")
                    && line.contains("reason=\"" + reason + "\"")) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return 0;
    }

    // ------------------------------------------------------------------ iam.api-keys

    @Test
    void forgedAlteredAndReplayedApiKeyRecordsRegisterAndRevokeNothing() throws Exception {
        SignedClient victim = Fixtures.newOrganization(CurveType.ED25519);
        victim.get("/v2/organizations/info").then().statusCode(200);
        String orgId = Fixtures.orgIdOf(victim);
        ApiKeyPair attackerKey = ApiKeyPair.random(CurveType.ED25519);
        SignedClient attacker = new SignedClient(attackerKey, Fixtures.responsePublicKey());
        long now = System.currentTimeMillis();
        ApiKeyRecord register = new ApiKeyRecord(attackerKey.apiKey(), orgId, "evil", CurveType.ED25519,
                List.of(Scope.READ, Scope.WRITE, Scope.SPEND), ApiKeyStatus.ACTIVE, null, now, now, 1);
        double before = refusedMetric(Topics.IAM_API_KEYS, "UNSIGNED");

        List<String> reasons = injectVariants(Topics.IAM_API_KEYS, attackerKey.apiKey(),
                EventType.API_KEY_UPDATED, register, ControlKeys.WALLET_SERVICE, ControlKeys.fakeNodes(1).get(0));
        // a forged revocation (newer version) and a forged tombstone of the victim's key
        ApiKeyRecord revoke = new ApiKeyRecord(victim.key().apiKey(), orgId, "x", CurveType.ED25519,
                List.of(Scope.READ), ApiKeyStatus.REVOKED, null, now, now, 1_000_000);
        TssSupport.sendRaw(TssSupport.event(Topics.IAM_API_KEYS, victim.key().apiKey(), UUID.randomUUID().toString(),
                EventType.API_KEY_UPDATED, "/attacker", revoke));
        TssSupport.sendRaw(new ProducerRecord<>(Topics.IAM_API_KEYS, victim.key().apiKey(), null));

        settle(() -> refusedHere(Topics.IAM_API_KEYS, attackerKey.apiKey()).containsAll(reasons)
                && refusedHere(Topics.IAM_API_KEYS, victim.key().apiKey()).contains("UNSIGNED"));
        attacker.get("/v2/organizations/info").then().statusCode(401);
        victim.get("/v2/organizations/info").then().statusCode(200);
        assertRefusedHere(Topics.IAM_API_KEYS, attackerKey.apiKey(), reasons);
        assertTrue(refusedHere(Topics.IAM_API_KEYS, victim.key().apiKey()).contains("UNSIGNED"));
        assertTrue(refusedMetric(Topics.IAM_API_KEYS, "UNSIGNED") >= before + 1, "refusals are counted");

        // the same record, signed by wallet-service: it is what registers a key
        TssSupport.sendRaw(ControlKeys.sign(TssSupport.event(Topics.IAM_API_KEYS, attackerKey.apiKey(),
                UUID.randomUUID().toString(), EventType.API_KEY_UPDATED, "/wallet-service", register),
                ControlKeys.WALLET_SERVICE));
        Fixtures.awaitStatus(attacker, "/v2/organizations/info", 200);
    }

    // ------------------------------------------------------------------ tss.results

    @Test
    void forgedAlteredAndReplayedResultsSetNoRootKey() throws Exception {
        SignedClient client = Fixtures.newOrganization(CurveType.ED25519);
        List<String> nodes = TssSupport.nodeIds("attack", 3);
        TssSupport.announceOnline(client, nodes);
        String vault = createVault(client);
        String group = createGroup(client, vault, "MainGroup", 2, nodes);
        String id = client.post(requestsPath(vault), "{\"type\":\"KeyGen\",\"target_key_share_holder_group_id\":\""
                + group + "\"}").then().statusCode(201).extract().path("tss_request_id");
        for (String n : nodes) {
            TssSupport.report(TssSupport.confirmed(id, TssRequestType.KEY_GEN, n));
        }
        awaitRequestStatus(client, vault, id, "KeyGenerating");

        List<TssResult.Key> evil = TssSupport.keys(group, 2, nodes, "evil" + id);
        List<String> reasons = new ArrayList<>();
        for (String n : nodes) {
            TssResult forged = TssSupport.succeeded(id, TssRequestType.KEY_GEN, n, evil);
            reasons = injectVariants(Topics.TSS_RESULTS, id, EventType.TSS_RESULT_REPORTED, forged, n,
                    ControlKeys.WALLET_SERVICE);
            // a real node reporting in another node's name
            String other = nodes.get((nodes.indexOf(n) + 1) % nodes.size());
            TssSupport.sendRaw(ControlKeys.sign(TssSupport.event(Topics.TSS_RESULTS, id, UUID.randomUUID().toString(),
                    EventType.TSS_RESULT_REPORTED, "/tss-service/" + n, forged), other));
        }
        reasons.add("CLAIM_MISMATCH");
        List<String> expected = reasons;
        settle(() -> refusedHere(Topics.TSS_RESULTS, id).containsAll(expected));
        Thread.sleep(500);
        assertEquals("KeyGenerating", TssSupport.tssRequestStatus(client, vault, id));
        client.get("/v2/wallets/mpc/vaults/" + vault).then().statusCode(200).body("root_pubkeys", hasSize(0));
        assertRefusedHere(Topics.TSS_RESULTS, id, reasons);

        // the genuine reports set the keys
        List<TssResult.Key> keys = TssSupport.keys(group, 2, nodes, "good" + id);
        for (String n : nodes) {
            TssSupport.report(TssSupport.succeeded(id, TssRequestType.KEY_GEN, n, keys));
        }
        awaitRequestStatus(client, vault, id, "Success");
        client.get("/v2/wallets/mpc/vaults/" + vault).then().statusCode(200)
                .body("root_pubkeys[0].root_pubkey", equalTo(keys.get(0).rootPubkey()));
    }

    // ------------------------------------------------------------------ tss.nodes

    @Test
    void reKeyedAndForgedAnnouncementsReplaceOrForgetNoNode() throws Exception {
        SignedClient client = Fixtures.newOrganization(CurveType.ED25519);
        List<String> ids = TssSupport.nodeIds("rekey", 2);
        String node = ids.get(0);
        TssSupport.announceOnline(client, List.of(node));
        long future = System.currentTimeMillis() + Duration.ofDays(1).toMillis();
        RecordSigner attacker = impostor(node);
        TssNodeInfo reKeyed = new TssNodeInfo(node, 77, attacker.publicKeyHex(), "22".repeat(32), "EkEB", false, null,
                TssNodeStatus.OFFLINE, 60_000, future);
        List<String> reasons = injectVariants(Topics.TSS_NODES, node, EventType.TSS_NODE_UPDATED, reKeyed, node,
                ControlKeys.WALLET_SERVICE);
        // signed by another pinned node, in this node's name
        TssSupport.sendRaw(ControlKeys.sign(TssSupport.event(Topics.TSS_NODES, node, UUID.randomUUID().toString(),
                EventType.TSS_NODE_UPDATED, "/tss-service/" + node, reKeyed), ids.get(1)));
        reasons.add("CLAIM_MISMATCH");
        // signed with the node's own key, but announcing another identity key than the pinned one
        TssSupport.sendRaw(ControlKeys.sign(TssSupport.event(Topics.TSS_NODES, node, UUID.randomUUID().toString(),
                EventType.TSS_NODE_UPDATED, "/tss-service/" + node, reKeyed), node));
        reasons.add("KEY_NOT_PINNED");
        // an unsigned tombstone
        TssSupport.sendRaw(new ProducerRecord<>(Topics.TSS_NODES, node, null));
        settle(() -> refusedHere(Topics.TSS_NODES, node).containsAll(reasons));

        assertTrue(online(client, node), "the node is still known and online: nothing replaced it");
        assertRefusedHere(Topics.TSS_NODES, node, reasons);

        // the node's own Offline announcement is what takes it offline
        TssSupport.announce(TssSupport.node(node, TssNodeStatus.OFFLINE, System.currentTimeMillis(), 60_000));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !online(client, node));
    }

    private static boolean online(SignedClient client, String node) {
        List<String> idsOnline = client.get("/v2/wallets/mpc/cobo_key_share_holders").jsonPath()
                .getList("findAll { it.online == true }.tss_node_id");
        return idsOnline != null && idsOnline.contains(node);
    }

    // ------------------------------------------------------------------ tss.requests, at the real nodes

    @Test
    void forgedCommandsMakeTheRealNodesGenerateNothing() throws Exception {
        List<String> real = List.of(ControlKeys.realNode(0), ControlKeys.realNode(1), ControlKeys.realNode(2));
        String id = System.currentTimeMillis() + String.format("%019d", Math.abs(RND.nextLong()) % 1_000_000_000_000_000_000L);
        TssRequest keyGen = new TssRequest(id, TssRequestType.KEY_GEN, "org-attacker", null, System.currentTimeMillis(),
                null, new TssRequest.KeyGen("group-attacker", 2, real, List.of(TssCurve.SECP256K1, TssCurve.ED25519)),
                null, null);
        List<String> reasons = injectVariants(Topics.TSS_REQUESTS, id, EventType.TSS_REQUEST_SUBMITTED, keyGen,
                ControlKeys.WALLET_SERVICE, real.get(0));
        for (ServiceProcess n : TssNodesTestResource.nodes()) {
            settle(() -> refusedAt(n, id).containsAll(reasons));
        }
        Thread.sleep(1000);
        assertEquals(List.of(), results(id), "no node reported (or generated) anything");
        for (int i = 0; i < real.size(); i++) {
            assertEquals(0, claimedAt(i, id), "no node recorded the request");
        }
        for (ServiceProcess n : TssNodesTestResource.nodes()) {
            Set<String> listed = refusedAt(n, id);
            assertTrue(listed.containsAll(reasons) && listed.contains("BAD_SIGNATURE"), n.name() + " listed " + listed);
            JsonNode status = TssSupport.MAPPER.readTree(n.get("/admin/status"));
            assertTrue(status.get("approve_all_test_mode").asBoolean(), "the test nodes say they approve everything");
            assertTrue(status.get("refused_records").asLong() >= reasons.size());
        }

        // the same command signed by wallet-service is taken (its threshold made invalid, so it fails at once)
        String id2 = id.substring(0, id.length() - 1) + (id.endsWith("9") ? "8" : "9");
        TssRequest invalid = new TssRequest(id2, TssRequestType.KEY_GEN, "org-attacker", null,
                System.currentTimeMillis(), null, new TssRequest.KeyGen("group-attacker", 9, real,
                List.of(TssCurve.SECP256K1)), null, null);
        TssSupport.sendRaw(ControlKeys.sign(TssSupport.event(Topics.TSS_REQUESTS, id2, UUID.randomUUID().toString(),
                EventType.TSS_REQUEST_SUBMITTED, "/wallet-service", invalid), ControlKeys.WALLET_SERVICE));
        Awaitility.await("the genuine command is answered").atMost(Duration.ofSeconds(30))
                .until(() -> results(id2).size() >= real.size());
    }

    private static Set<String> refusedAt(ServiceProcess node, String key) throws Exception {
        Set<String> reasons = new HashSet<>();
        for (JsonNode r : TssSupport.MAPPER.readTree(node.get("/admin/dropped-records"))) {
            if (Topics.TSS_REQUESTS.equals(r.get("topic").asText()) && key.equals(r.path("key").asText())) {
                reasons.add(r.get("reason").asText());
            }
        }
        return reasons;
    }

    private static List<String> results(String requestId) {
        List<String> out = new ArrayList<>();
        for (ConsumerRecord<String, String> r : TopicReader.readToEnd(Topics.TSS_RESULTS, Duration.ofSeconds(20))
                .records()) {
            if (requestId.equals(r.key())) {
                out.add(r.value());
            }
        }
        return out;
    }

    private int claimedAt(int node, String requestId) throws Exception {
        String url = jdbcUrl.substring(0, jdbcUrl.lastIndexOf('/') + 1) + "tss_node_" + node;
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres");
             PreparedStatement st = c.prepareStatement("SELECT count(*) FROM tss_request WHERE request_id = ?")) {
            st.setString(1, requestId);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
