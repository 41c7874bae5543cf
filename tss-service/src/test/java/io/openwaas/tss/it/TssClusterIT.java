package io.openwaas.tss.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.openwaas.crypto.hd.DerivationPath;
import io.openwaas.crypto.hd.Ed25519ExtendedPublicKey;
import io.openwaas.platform.events.tss.TssCurve;
import io.openwaas.platform.events.tss.TssRequest;
import io.openwaas.platform.events.tss.TssRequestType;
import io.openwaas.platform.events.tss.TssResult;
import io.openwaas.platform.events.tss.TssResultStatus;
import io.openwaas.platform.events.tss.TssSignatureType;
import io.openwaas.testkit.http.OddPaths;
import io.openwaas.testkit.http.RawHttp;
import io.openwaas.tss.persistence.TssStore;
import io.openwaas.testkit.infra.ControlKeys;
import io.openwaas.testkit.infra.TestOperator;
import io.openwaas.testkit.launcher.OperatorKeys;
import io.openwaas.testkit.process.ServiceProcess;
import io.openwaas.tss.crypto.SecretBox;
import io.openwaas.tss.protocol.StoredShare;
import io.openwaas.mpc.common.PartyId;
import io.openwaas.mpc.ecdsa2p.P2KeyShare;
import io.openwaas.mpc.ecdsa2p.SignContext;
import io.openwaas.mpc.ecdsa2p.SignMessage1;
import io.openwaas.mpc.ecdsa2p.SignMessage3;
import io.openwaas.mpc.ecdsa2p.SignRound2;
import io.openwaas.mpc.ecdsa2p.SignRound4;
import io.openwaas.tss.protocol.SessionContext;
import io.openwaas.tss.transport.PeerCrypto;
import io.openwaas.tss.transport.PeerEnvelope;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.X25519PublicKeyParameters;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import static io.openwaas.tss.it.TssCluster.MAPPER;
import static io.openwaas.tss.it.TssCluster.nodeId;
import static io.openwaas.tss.it.Verify.HEX;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Three TSS node processes, the reference callback server, PostgreSQL and Kafka, driven through {@code tss.requests}
 * and observed on {@code tss.results}: key generation, signing, resharing, the callback decisions, transport
 * integrity, failure and secrecy at rest.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TssClusterIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final List<String> ALL = List.of(nodeId(0), nodeId(1), nodeId(2));
    private static final List<String> PAIR01 = List.of(nodeId(0), nodeId(1));

    private TssCluster cluster;
    private ClusterDriver driver;
    private TssRequest keygen3;
    private Map<TssCurve, TssResult.Key> keys3;
    private Map<TssCurve, TssResult.Key> keys2;

    @BeforeAll
    void up() throws Exception {
        cluster = new TssCluster();
        driver = new ClusterDriver(cluster);
    }

    @AfterAll
    void down() {
        if (cluster != null) {
            cluster.close();
        }
    }

    private static String requestId() {
        return ClusterDriver.requestId();
    }

    private Map<String, TssResult> awaitTerminal(String requestId, List<String> nodes) throws InterruptedException {
        return driver.awaitTerminal(requestId, nodes);
    }

    private TssRequest keyGenRequest(List<String> nodes, int t) {
        return driver.keyGenRequest(nodes, t);
    }

    private Map<TssCurve, TssResult.Key> keygen(TssRequest request) throws Exception {
        return driver.keygen(request);
    }

    private TssRequest signRequest(TssResult.Key key, TssSignatureType type, List<String> signers, List<String> paths,
                                   List<String> messages, List<String> tweaks, JsonNode extra) {
        return driver.signRequest(key, type, signers, paths, messages, tweaks, extra);
    }

    private List<TssResult.Signature> sign(TssRequest request) throws Exception {
        return driver.sign(request);
    }

    private void signAndVerify(TssResult.Key key, TssSignatureType type, List<String> signers) throws Exception {
        driver.signAndVerify(key, type, signers);
    }

    /**
     * Attacks the node admin API and the callback server's decision list: no spelling of their paths answers without
     * the operator token; a token of another key, audience or issuer is refused; health stays open.
     */
    @Test
    @Order(0)
    void adminApisNeedTheOperatorTokenInEverySpelling() throws Exception {
        Path strangerHome = Files.createTempDirectory(cluster.dir, "stranger-");
        String stranger = OperatorKeys.ensure(strangerHome).operatorToken(java.time.Instant.now(), Duration.ofHours(1));
        List<String> open = new ArrayList<>();
        List<ServiceProcess> services = new ArrayList<>(cluster.nodes);
        services.add(cluster.callbackServer);
        for (ServiceProcess service : services) {
            RawHttp http = new RawHttp("127.0.0.1", service.port());
            List<String> paths = service == cluster.callbackServer ? List.of("/v1/decisions")
                    : List.of("/admin/status", "/admin/keys", "/admin/dropped-messages");
            for (String path : paths) {
                List<String> spellings = new ArrayList<>(OddPaths.of(path));
                spellings.add(path);
                for (String spelling : spellings) {
                    for (Map<String, String> headers : List.of(Map.<String, String>of(),
                            Map.of("Authorization", "Bearer " + stranger),
                            Map.of("Authorization", "Bearer not.a.jwt"))) {
                        RawHttp.Answer a = http.send("GET", spelling, headers);
                        if (a.status() != 401 && a.status() != 404) {
                            open.add(service.name() + " GET " + spelling + " " + headers.keySet() + " -> " + a);
                        }
                    }
                }
                RawHttp.Answer allowed = http.send("GET", path, Map.of("Authorization", "Bearer " + TestOperator.token()));
                assertEquals(200, allowed.status(), service.name() + " " + path + " with the operator token: " + allowed);
            }
            assertEquals(200, http.send("GET", "/q/health/ready", Map.of()).status(), service.name() + " health");
        }
        assertTrue(open.isEmpty(), "answered without a valid operator token:\n" + String.join("\n", open));
    }

    @Test
    @Order(1)
    void nodesAreReadyAndPingedTheirCallbackServer() throws Exception {
        for (ServiceProcess n : cluster.nodes) {
            long deadline = System.nanoTime() + WAIT.toNanos();
            JsonNode status = MAPPER.readTree(n.get("/admin/status"));
            while (!status.get("callback").asText().contains("Ping APPROVE") && System.nanoTime() < deadline) {
                Thread.sleep(100);
                status = MAPPER.readTree(n.get("/admin/status"));
            }
            assertTrue(status.get("ready").asBoolean());
            assertTrue(status.get("callback").asText().contains("Ping APPROVE"), status.toString());
            assertEquals(n == cluster.nodes.get(1), status.get("callback").asText().contains("(package-data envelope)"),
                    status.toString());
        }
    }

    @Test
    @Order(2)
    void keygenTwoOfThreeOnBothCurves() throws Exception {
        keygen3 = keyGenRequest(ALL, 2);
        keys3 = keygen(keygen3);
        assertTrue(keys3.get(TssCurve.SECP256K1).rootPubkey().startsWith("xpub"));
        assertTrue(keys3.get(TssCurve.ED25519).rootPubkey().startsWith("cpub"));
    }

    @Test
    @Order(3)
    void keygenTwoOfTwoOnBothCurves() throws Exception {
        keys2 = keygen(keyGenRequest(PAIR01, 2));
        assertEquals(PAIR01, keys2.get(TssCurve.SECP256K1).nodeIds());
    }

    @Test
    @Order(4)
    void everyPairSignsEveryTypeUnderHdChildKeys() throws Exception {
        for (List<String> pair : List.of(PAIR01, List.of(nodeId(0), nodeId(2)), List.of(nodeId(1), nodeId(2)))) {
            signAndVerify(keys3.get(TssCurve.SECP256K1), TssSignatureType.ECDSA, pair);
            signAndVerify(keys3.get(TssCurve.SECP256K1), TssSignatureType.SCHNORR, pair);
            signAndVerify(keys3.get(TssCurve.ED25519), TssSignatureType.EDDSA, pair);
        }
        signAndVerify(keys3.get(TssCurve.ED25519), TssSignatureType.EDDSA, ALL);
        signAndVerify(keys3.get(TssCurve.SECP256K1), TssSignatureType.SCHNORR, ALL);
    }

    @Test
    @Order(5)
    void twoOfTwoSignsEveryType() throws Exception {
        signAndVerify(keys2.get(TssCurve.SECP256K1), TssSignatureType.ECDSA, PAIR01);
        signAndVerify(keys2.get(TssCurve.SECP256K1), TssSignatureType.SCHNORR, PAIR01);
        signAndVerify(keys2.get(TssCurve.ED25519), TssSignatureType.EDDSA, PAIR01);
    }

    @Test
    @Order(6)
    void taprootKeyPathSignature() throws Exception {
        TssResult.Key key = keys3.get(TssCurve.SECP256K1);
        String msg = HEX.formatHex(Verify.sha256("taproot " + UUID.randomUUID()));
        List<TssResult.Signature> sigs = sign(signRequest(key, TssSignatureType.SCHNORR, PAIR01,
                List.of("m/86/0/0/0/1"), List.of(msg), List.of("taproot"), null));
        byte[] internal = Verify.bip32Child(key.rootPubkey(), "m/86/0/0/0/1");
        assertFalse(sigs.get(0).publicKey().equals(HEX.formatHex(internal).substring(2)), "output key is tweaked");
        assertTrue(Verify.bip340(HEX.parseHex(sigs.get(0).publicKey()), HEX.parseHex(msg),
                HEX.parseHex(sigs.get(0).signature())));
    }

    @Test
    @Order(7)
    void reshareTwoOfTwoToTwoOfThreeKeepsThePublicKeys() throws Exception {
        List<String> roots = List.of(keys2.get(TssCurve.SECP256K1).rootPubkey(), keys2.get(TssCurve.ED25519).rootPubkey());
        TssRequest reshare = new TssRequest(requestId(), TssRequestType.KEY_RESHARE, "org-it", null,
                System.currentTimeMillis(), null, null, null,
                new TssRequest.KeyReshare(keys2.get(TssCurve.SECP256K1).groupId(), "group-new", roots, 2, PAIR01, 2, ALL));
        cluster.submit(reshare);
        Map<String, TssResult> reports = awaitTerminal(reshare.requestId(), ALL);
        for (String n : ALL) {
            TssResult r = reports.get(n);
            assertEquals(TssResultStatus.SUCCEEDED, r.status(), n + ": " + r.error());
            for (TssResult.Key k : r.keys()) {
                TssResult.Key old = keys2.get(k.curve());
                assertEquals(old.publicKey(), k.publicKey(), "same public key");
                assertEquals(old.rootPubkey(), k.rootPubkey(), "same root extended public key");
                assertFalse(old.keyId().equals(k.keyId()), "a new sharing");
                assertEquals(ALL, k.nodeIds());
            }
        }
        Map<TssCurve, TssResult.Key> reshared = reports.get(nodeId(2)).keys().stream()
                .collect(Collectors.toMap(TssResult.Key::curve, k -> k));
        for (List<String> pair : List.of(List.of(nodeId(1), nodeId(2)), List.of(nodeId(0), nodeId(2)))) {
            signAndVerify(reshared.get(TssCurve.SECP256K1), TssSignatureType.ECDSA, pair);
            signAndVerify(reshared.get(TssCurve.SECP256K1), TssSignatureType.SCHNORR, pair);
            signAndVerify(reshared.get(TssCurve.ED25519), TssSignatureType.EDDSA, pair);
        }
        for (int i = 0; i < 2; i++) {
            JsonNode keys = MAPPER.readTree(cluster.nodes.get(i).get("/admin/keys"));
            for (String root : roots) {
                int rows = 0;
                for (JsonNode k : keys) {
                    if (k.get("root_pubkey").asText().equals(root)) {
                        rows++;
                        assertEquals("ACTIVE", k.get("status").asText());
                    }
                }
                assertEquals(1, rows, "the old share is gone at " + nodeId(i));
            }
        }
    }

    @Test
    @Order(8)
    void aRepeatedRequestIdRunsOnce() throws Exception {
        int before = MAPPER.readTree(cluster.nodes.get(0).get("/admin/keys")).size();
        cluster.submit(keygen3);
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            long n = cluster.results(keygen3.requestId()).stream().filter(r -> r.status() == TssResultStatus.SUCCEEDED).count();
            if (n >= 6) {
                break;
            }
            Thread.sleep(50);
        }
        List<TssResult> succeeded = cluster.results(keygen3.requestId()).stream()
                .filter(r -> r.status() == TssResultStatus.SUCCEEDED).toList();
        assertEquals(6, succeeded.size(), "each node re-reported once");
        for (TssResult r : succeeded) {
            assertEquals(new ArrayList<>(keys3.values()).stream().sorted((a, b) -> a.curve().compareTo(b.curve())).toList(),
                    r.keys().stream().sorted((a, b) -> a.curve().compareTo(b.curve())).toList());
        }
        assertEquals(before, MAPPER.readTree(cluster.nodes.get(0).get("/admin/keys")).size(), "no second key");
    }

    private JsonNode awaitDropped(int node, String sender, String reasonPart) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            for (JsonNode d : MAPPER.readTree(cluster.nodes.get(node).get("/admin/dropped-messages"))) {
                if (d.get("sender").asText().equals(sender) && d.get("reason").asText().contains(reasonPart)) {
                    return d;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError(nodeId(node) + " did not drop a message from " + sender + " for '" + reasonPart + "'");
    }

    @Test
    @Order(9)
    void forgedAndReplayedPeerMessagesAreDroppedAndNamed() throws Exception {
        PeerEnvelope forged = new PeerEnvelope(PeerEnvelope.Kind.PROTOCOL, "forged-session", "sign/0", 1, nodeId(0), "",
                System.currentTimeMillis(), UUID.randomUUID(), "evil".getBytes(StandardCharsets.UTF_8));
        byte[] badSignature = new byte[64];
        ThreadLocalRandom.current().nextBytes(badSignature);
        cluster.publishPeer("forged-session", forged.encode(badSignature));
        awaitDropped(1, nodeId(0), "signature does not verify");
        awaitDropped(2, nodeId(0), "signature does not verify");

        byte[] captured = null;
        for (byte[] r : cluster.peerRecords()) {
            PeerEnvelope e = PeerEnvelope.decode(r).envelope();
            if (e.broadcast() && e.kind() == PeerEnvelope.Kind.PROTOCOL && !e.session().equals("forged-session")) {
                captured = r;
            }
        }
        assertNotNull(captured, "a broadcast record was captured");
        PeerEnvelope original = PeerEnvelope.decode(captured).envelope();
        cluster.publishPeer(original.session(), captured);
        int receiver = original.from().equals(nodeId(1)) ? 2 : 1;
        JsonNode d = awaitDropped(receiver, original.from(), "replay");
        assertEquals(original.messageId().toString(), d.get("message_id").asText());
    }

    @Test
    @Order(10)
    void callbackRejectFailsTheRequestWithTheServersError() throws Exception {
        JsonNode extra = MAPPER.readTree("{\"coin\":\"ETH\",\"decimal\":18,\"amount\":\"2000000000000000000\","
                + "\"to_address\":\"0x6fac4d18c912343bf86fa7049364dd4e424ab9c0\"}");
        TssRequest request = signRequest(keys3.get(TssCurve.SECP256K1), TssSignatureType.ECDSA, PAIR01, List.of("m"),
                List.of(HEX.formatHex(Verify.sha256("too much"))), List.of(), extra);
        cluster.submit(request);
        Map<String, TssResult> reports = awaitTerminal(request.requestId(), PAIR01);
        boolean someRejected = false;
        for (TssResult r : reports.values()) {
            assertTrue(r.status() == TssResultStatus.REJECTED || r.status() == TssResultStatus.FAILED, r.toString());
            if (r.status() == TssResultStatus.REJECTED) {
                someRejected = true;
                assertTrue(r.error().contains("exceeds"), r.error());
            }
            assertNull(r.signatures());
        }
        assertTrue(someRejected);
        List<String> decisions = Files.readAllLines(cluster.dir.resolve("decisions.jsonl"));
        assertTrue(decisions.stream().anyMatch(l -> l.contains("REJECT") && l.contains("exceeds")), "decision logged");
    }

    @Test
    @Order(11)
    void callbackSilenceIsAReject() throws Exception {
        cluster.gate.silence(true);
        try {
            List<String> pair = List.of(nodeId(1), nodeId(2));
            TssRequest request = signRequest(keys3.get(TssCurve.SECP256K1), TssSignatureType.ECDSA, pair, List.of("m"),
                    List.of(HEX.formatHex(Verify.sha256("silence"))), List.of(), null);
            cluster.submit(request);
            Map<String, TssResult> reports = awaitTerminal(request.requestId(), pair);
            TssResult silent = reports.get(nodeId(2));
            assertEquals(TssResultStatus.REJECTED, silent.status());
            assertTrue(silent.error().contains("no valid answer"), silent.error());
            TssResult peer = reports.get(nodeId(1));
            assertEquals(TssResultStatus.FAILED, peer.status());
            assertTrue(peer.error().contains(nodeId(2)), peer.error());
        } finally {
            cluster.gate.silence(false);
        }
    }

    @Test
    @Order(12)
    void noShareBytesInPlaintextInTheDatabaseOrTheLogs() throws Exception {
        for (int i = 0; i < TssCluster.NODES; i++) {
            SecretBox box = new SecretBox(cluster.keks.get(i));
            List<String> secrets = new ArrayList<>();
            StringBuilder dump = new StringBuilder();
            try (Connection c = DriverManager.getConnection(cluster.postgres.jdbcUrl("tss_node_" + i), "postgres", "postgres");
                 Statement st = c.createStatement()) {
                try (ResultSet rs = st.executeQuery("SELECT key_id, sealed_share, share_version FROM key_share")) {
                    while (rs.next()) {
                        StoredShare s = StoredShare.parse(box.open(rs.getBytes(2),
                                TssStore.shareAssociatedData(rs.getString(1), rs.getLong(3))));
                        secrets.add(HEX.formatHex(s.share().secretShare().toBytes()));
                        s.destroy();
                    }
                }
                // the identity key comes from its 0600 file (the key the platform pins), never from the database
                secrets.add(ControlKeys.seedHex(nodeId(i)));
                try (ResultSet rs = st.executeQuery("SELECT sealed FROM node_secret WHERE name = 'encryption'")) {
                    rs.next();
                    secrets.add(HEX.formatHex(box.open(rs.getBytes(1), "node_secret:encryption")));
                }
                for (String table : List.of("node_secret", "tss_request", "key_share", "outbox_event")) {
                    try (ResultSet rs = st.executeQuery("SELECT * FROM " + table)) {
                        int n = rs.getMetaData().getColumnCount();
                        while (rs.next()) {
                            for (int col = 1; col <= n; col++) {
                                Object v = rs.getObject(col);
                                dump.append(v instanceof byte[] b ? HEX.formatHex(b) : String.valueOf(v)).append('\n');
                            }
                        }
                    }
                }
            }
            assertTrue(secrets.size() >= 3, "node " + i + " holds shares");
            String log = Files.readString(cluster.nodes.get(i).log()).toLowerCase();
            String db = dump.toString().toLowerCase();
            for (String secret : secrets) {
                String b64 = Base64.getEncoder().encodeToString(HEX.parseHex(secret));
                assertFalse(db.contains(secret), "a secret in plaintext in the database of node " + i);
                assertFalse(log.contains(secret) || log.contains(b64.toLowerCase()), "a secret in the log of node " + i);
            }
        }
    }

    @Test
    @Order(13)
    void aNodeDownFailsTheSessionWithAReasonAndNothingIsWritten() throws Exception {
        ServiceProcess node2 = cluster.nodes.get(2);
        node2.kill();
        try {
            TssRequest request = keyGenRequest(ALL, 2);
            cluster.submit(request);
            Map<String, TssResult> reports = awaitTerminal(request.requestId(), PAIR01);
            boolean blamed = false;
            for (String n : PAIR01) {
                TssResult r = reports.get(n);
                assertEquals(TssResultStatus.FAILED, r.status());
                assertTrue(r.error().contains("timed out") && r.error().contains(nodeId(2)), r.error());
                blamed |= r.culprits() != null && r.culprits().contains(nodeId(2));
            }
            assertTrue(blamed, "the silent node is named as the culprit");
            for (int i = 0; i < 2; i++) {
                try (Connection c = DriverManager.getConnection(cluster.postgres.jdbcUrl("tss_node_" + i), "postgres", "postgres");
                     Statement st = c.createStatement();
                     ResultSet rs = st.executeQuery("SELECT count(*) FROM key_share WHERE request_id = '"
                             + request.requestId() + "'")) {
                    rs.next();
                    assertEquals(0, rs.getInt(1), "no share written at " + nodeId(i));
                }
            }
        } finally {
            node2.restart().awaitReady(Duration.ofSeconds(120));
        }
    }

    /** The payload of the first record of a session's round sent by {@code from} to {@code to}, decrypted. */
    private byte[] awaitPeerMessage(String session, String task, int round, String from, String to,
                                    X25519PrivateKeyParameters recipient) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            for (byte[] r : cluster.peerRecords()) {
                PeerEnvelope e = PeerEnvelope.decode(r).envelope();
                if (e.session().equals(session) && e.task().equals(task) && e.round() == round
                        && e.from().equals(from) && e.to().equals(to)) {
                    return PeerCrypto.decrypt(recipient, e.header(), e.payload());
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no round " + round + " message from " + from + " in " + session);
    }

    @Test
    @Order(14)
    void aBadLastMessageFromACompromisedPeerFreezesTheKeyAtTheHolder() throws Exception {
        // node 2 is stopped and the test plays it, with the keys and the share an attacker would read from its
        // database with its key-encryption key; it answers node 1's signing honestly except for the last message
        ServiceProcess node2 = cluster.nodes.get(2);
        node2.kill();
        TssResult.Key key = keys3.get(TssCurve.SECP256K1);
        try {
            SecretBox box = new SecretBox(cluster.keks.get(2));
            Ed25519PrivateKeyParameters identity;
            X25519PrivateKeyParameters encryption;
            P2KeyShare p2;
            try (Connection c = DriverManager.getConnection(cluster.postgres.jdbcUrl("tss_node_2"), "postgres", "postgres");
                 Statement st = c.createStatement()) {
                Map<String, byte[]> secrets = new HashMap<>();
                try (ResultSet rs = st.executeQuery("SELECT name, sealed FROM node_secret")) {
                    while (rs.next()) {
                        secrets.put(rs.getString(1), box.open(rs.getBytes(2), "node_secret:" + rs.getString(1)));
                    }
                }
                identity = new Ed25519PrivateKeyParameters(ControlKeys.seed(nodeId(2)), 0);
                encryption = new X25519PrivateKeyParameters(secrets.get("encryption"), 0);
                try (ResultSet rs = st.executeQuery("SELECT sealed_share, share_version FROM key_share WHERE key_id = '"
                        + key.keyId() + "'")) {
                    rs.next();
                    p2 = StoredShare.parse(box.open(rs.getBytes(1), TssStore.shareAssociatedData(key.keyId(), rs.getLong(2))))
                            .asP2With(PartyId.of(2)).orElseThrow();
                }
            }
            X25519PublicKeyParameters node1Encryption = new X25519PublicKeyParameters(HEX.parseHex(
                    MAPPER.readTree(cluster.nodes.get(1).get("/admin/status")).get("encryption_public_key").asText()), 0);

            List<String> pair = List.of(nodeId(1), nodeId(2));
            String hash = HEX.formatHex(Verify.sha256("freeze " + UUID.randomUUID()));
            TssRequest request = signRequest(key, TssSignatureType.ECDSA, pair, List.of("m"), List.of(hash), List.of(), null);
            cluster.submit(request);
            String id = request.requestId();
            SignContext context = new SignContext(SessionContext.sessionId(id, "sign/0"), HEX.parseHex(hash),
                    java.math.BigInteger.ZERO, SignContext.Mode.GLOBAL_ABORT);
            SignRound2 r2 = SignRound2.start(p2, context, SignMessage1.parse(
                    awaitPeerMessage(id, "sign/0", 1, nodeId(1), nodeId(2), encryption)), new java.security.SecureRandom());
            sendAsNode2(id, 2, r2.message().toBytes(), identity, node1Encryption);
            SignRound4 r4 = r2.next(SignMessage3.parse(awaitPeerMessage(id, "sign/0", 3, nodeId(1), nodeId(2), encryption)));
            byte[] m4 = r4.message().toBytes();
            m4[m4.length - 2] ^= 1; // the last byte of c3: still a valid ciphertext, no longer the right one
            sendAsNode2(id, 4, m4, identity, node1Encryption);

            TssResult failed = awaitTerminal(id, List.of(nodeId(1))).get(nodeId(1));
            assertEquals(TssResultStatus.FAILED, failed.status());
            assertTrue(failed.error().contains("INVALID_SIGNATURE"), failed.error());
            assertEquals(List.of(nodeId(2)), failed.culprits());
            JsonNode frozen = null;
            for (JsonNode k : MAPPER.readTree(cluster.nodes.get(1).get("/admin/keys"))) {
                if (k.get("key_id").asText().equals(key.keyId())) {
                    frozen = k;
                }
            }
            assertNotNull(frozen);
            assertEquals("FROZEN", frozen.get("status").asText(), "the freeze is the key's status");
            assertTrue(frozen.get("frozen").asText().contains("INVALID_SIGNATURE"));

            // node 1 signs nothing more with that key (in any pair), across its restart
            cluster.nodes.get(1).restart().awaitReady(Duration.ofSeconds(120));
            TssRequest again = signRequest(key, TssSignatureType.ECDSA, PAIR01, List.of("m"),
                    List.of(HEX.formatHex(Verify.sha256("after the freeze"))), List.of(), null);
            cluster.submit(again);
            TssResult refused = awaitTerminal(again.requestId(), List.of(nodeId(1))).get(nodeId(1));
            assertEquals(TssResultStatus.FAILED, refused.status());
            assertTrue(refused.error().contains("frozen"), refused.error());
        } finally {
            node2.restart().awaitReady(Duration.ofSeconds(120));
        }
    }

    private void sendAsNode2(String session, int round, byte[] payload, Ed25519PrivateKeyParameters identity,
                             X25519PublicKeyParameters to) throws Exception {
        PeerEnvelope e = new PeerEnvelope(PeerEnvelope.Kind.PROTOCOL, session, "sign/0", round, nodeId(2), nodeId(1),
                System.currentTimeMillis(), UUID.randomUUID(), payload);
        PeerEnvelope sealed = e.withPayload(PeerCrypto.encrypt(to, e.header(), payload, new java.security.SecureRandom()));
        cluster.publishPeer(session, sealed.encode(PeerCrypto.sign(identity, sealed.signedPart())));
    }
}
