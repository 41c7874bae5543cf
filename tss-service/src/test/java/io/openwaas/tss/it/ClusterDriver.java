package io.openwaas.tss.it;

import io.openwaas.crypto.hd.DerivationPath;
import io.openwaas.crypto.hd.Ed25519ExtendedPublicKey;
import com.fasterxml.jackson.databind.JsonNode;
import io.openwaas.platform.events.tss.TssCurve;
import io.openwaas.platform.events.tss.TssRequest;
import io.openwaas.platform.events.tss.TssRequestType;
import io.openwaas.platform.events.tss.TssResult;
import io.openwaas.platform.events.tss.TssResultStatus;
import io.openwaas.platform.events.tss.TssSignatureType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import static io.openwaas.tss.it.Verify.HEX;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Drives a {@link TssCluster} as wallet-service and transaction-service do: commands on {@code tss.requests}, then
 * waits for the reports on {@code tss.results}, and checks every signature with an independent verifier.
 */
final class ClusterDriver {

    static final Duration WAIT = Duration.ofSeconds(60);

    private final TssCluster cluster;

    ClusterDriver(TssCluster cluster) {
        this.cluster = cluster;
    }

    static String requestId() {
        return System.currentTimeMillis() + String.format("%019d", ThreadLocalRandom.current().nextLong(Long.MAX_VALUE));
    }

    /** Waits until every listed node has a terminal report for the request; node → its latest terminal report. */
    Map<String, TssResult> awaitTerminal(String requestId, List<String> nodes) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            Map<String, TssResult> terminal = new HashMap<>();
            for (TssResult r : cluster.results(requestId)) {
                if (r.status().terminal()) {
                    terminal.put(r.nodeId(), r);
                }
            }
            if (terminal.keySet().containsAll(nodes)) {
                return terminal;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no terminal report from every node of " + nodes + " for " + requestId + ": "
                + cluster.results(requestId));
    }

    TssRequest keyGenRequest(List<String> nodes, int t) {
        return new TssRequest(requestId(), TssRequestType.KEY_GEN, "org-it", "api-" + UUID.randomUUID(),
                System.currentTimeMillis(), null,
                new TssRequest.KeyGen("group-" + UUID.randomUUID(), t, nodes, List.of(TssCurve.SECP256K1, TssCurve.ED25519)),
                null, null);
    }

    Map<TssCurve, TssResult.Key> keygen(TssRequest request) throws Exception {
        cluster.submit(request);
        List<String> nodes = request.keyGen().nodeIds();
        Map<String, TssResult> reports = awaitTerminal(request.requestId(), nodes);
        List<TssResult.Key> first = null;
        for (String n : nodes) {
            TssResult r = reports.get(n);
            assertEquals(TssResultStatus.SUCCEEDED, r.status(), n + ": " + r.error());
            if (first == null) {
                first = r.keys();
            } else {
                assertEquals(first, r.keys(), "every holder reports the same keys");
            }
        }
        assertEquals(2, first.size());
        return first.stream().collect(Collectors.toMap(TssResult.Key::curve, k -> k));
    }

    TssRequest signRequest(TssResult.Key key, TssSignatureType type, List<String> signers, List<String> paths,
                                   List<String> messages, List<String> tweaks, JsonNode extra) {
        return new TssRequest(requestId(), TssRequestType.KEY_SIGN, "org-it", null, System.currentTimeMillis(), null,
                null, new TssRequest.KeySign(key.groupId(), key.rootPubkey(), signers, paths, messages, tweaks, type,
                extra), null);
    }

    /** Signs and returns the signatures (from the node that assembled them); every signer succeeded. */
    List<TssResult.Signature> sign(TssRequest request) throws Exception {
        cluster.submit(request);
        Map<String, TssResult> reports = awaitTerminal(request.requestId(), request.keySign().usedNodeIds());
        List<TssResult.Signature> sigs = null;
        for (TssResult r : reports.values()) {
            assertEquals(TssResultStatus.SUCCEEDED, r.status(), r.nodeId() + ": " + r.error());
            if (r.signatures() != null) {
                assertNull(sigs, "exactly one node assembles the signatures");
                sigs = r.signatures();
            }
        }
        assertNotNull(sigs, "a node reported the signatures");
        assertEquals(request.keySign().msgHashList().size(), sigs.size());
        return sigs;
    }

    void signAndVerify(TssResult.Key key, TssSignatureType type, List<String> signers) throws Exception {
        List<String> paths = List.of("m", "m/44/60/0/0/7");
        List<String> messages = new ArrayList<>();
        for (String p : paths) {
            messages.add(HEX.formatHex(Verify.sha256(type + " " + signers + " " + p + " " + UUID.randomUUID())));
        }
        List<TssResult.Signature> sigs = sign(signRequest(key, type, signers, paths, messages, List.of(), null));
        for (int i = 0; i < paths.size(); i++) {
            TssResult.Signature s = sigs.get(i);
            byte[] msg = HEX.parseHex(messages.get(i));
            byte[] sig = HEX.parseHex(s.signature());
            switch (type) {
                case ECDSA -> {
                    byte[] child = Verify.bip32Child(key.rootPubkey(), paths.get(i));
                    assertEquals(HEX.formatHex(child), s.publicKey(), "child key as bitcoinj derives it");
                    assertTrue(Verify.ecdsa(child, msg, sig), "ECDSA verifies (BouncyCastle) for " + signers);
                }
                case SCHNORR -> {
                    byte[] child = Verify.bip32Child(key.rootPubkey(), paths.get(i));
                    assertEquals(HEX.formatHex(child).substring(2), s.publicKey(), "x-only child key");
                    assertTrue(Verify.bip340(HEX.parseHex(s.publicKey()), msg, sig), "BIP-340 verifies for " + signers);
                }
                case EDDSA -> {
                    Ed25519ExtendedPublicKey root = Ed25519ExtendedPublicKey.parse(key.rootPubkey());
                    byte[] child = paths.get(i).equals("m") ? root.publicKey().encode()
                            : root.derive(DerivationPath.parse(paths.get(i))).publicKey().encode();
                    assertEquals(HEX.formatHex(child), s.publicKey());
                    assertTrue(Verify.ed25519(child, msg, sig), "Ed25519 verifies (BouncyCastle) for " + signers);
                }
            }
        }
    }

    /** Waits for a report of {@code status} from {@code node} on the request; returns it. */
    TssResult awaitReport(String requestId, String node, TssResultStatus status) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            for (TssResult r : cluster.results(requestId)) {
                if (r.nodeId().equals(node) && r.status() == status) {
                    return r;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no " + status + " report from " + node + " for " + requestId + ": "
                + cluster.results(requestId));
    }
}
