package io.openwaas.transaction;

import io.openwaas.crypto.hd.ExtendedPublicKey;
import io.openwaas.platform.events.EventType;
import io.openwaas.platform.events.Topics;
import io.openwaas.platform.events.tss.TssCurve;
import io.openwaas.platform.events.tss.TssRequest;
import io.openwaas.platform.events.tss.TssRequestType;
import io.openwaas.platform.events.tss.TssResult;
import io.openwaas.platform.events.tss.TssResultStatus;
import io.openwaas.platform.events.wallet.VaultKeys;
import io.openwaas.testkit.infra.ControlKeys;
import io.openwaas.testkit.kafka.RawEvents;
import io.openwaas.testkit.kafka.TopicReader;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/**
 * A vault with real threshold keys: a KeyGen on {@code tss.requests} for the three test nodes (2-of-3, as
 * wallet-service sends it), the nodes' agreed root keys from {@code tss.results}, and the vault's key state on
 * {@code wallet.vaults} as wallet-service publishes it.
 */
final class Vaults {

    static final List<String> NODES = List.of("tss-node-0", "tss-node-1", "tss-node-2");
    private static final SecureRandom RANDOM = new SecureRandom();

    private Vaults() {
    }

    record Keyed(UUID vaultId, String groupId, ExtendedPublicKey root) {
    }

    static Keyed withKeys(String orgId) {
        String requestId = digits(32);
        String group = UUID.randomUUID().toString();
        RawEvents.send(Support.bootstrap(), Topics.TSS_REQUESTS, requestId, EventType.TSS_REQUEST_SUBMITTED,
                "/wallet-service", orgId, 1, new TssRequest(requestId, TssRequestType.KEY_GEN, orgId, null,
                        System.currentTimeMillis(), 120_000L, new TssRequest.KeyGen(group, 2, NODES,
                        List.of(TssCurve.SECP256K1, TssCurve.ED25519)), null, null), ControlKeys.WALLET_SERVICE);
        TssResult.Key[] key = new TssResult.Key[2];
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> {
            List<TssResult> done = TopicReader.readToEnd(Support.bootstrap(), Topics.TSS_RESULTS, Duration.ofSeconds(10))
                    .records().stream().filter(r -> requestId.equals(r.key())).map(r -> parse(r.value()))
                    .filter(r -> r.status() == TssResultStatus.SUCCEEDED).toList();
            if (done.size() < NODES.size()) {
                return false;
            }
            for (TssResult.Key k : done.get(0).keys()) {
                key[k.curve() == TssCurve.SECP256K1 ? 0 : 1] = k;
            }
            return true;
        });
        UUID vault = UUID.randomUUID();
        RawEvents.send(Support.bootstrap(), Topics.WALLET_VAULTS, vault.toString(), EventType.WALLET_VAULT_KEYS_UPDATED,
                "/wallet-service", orgId, 1, new VaultKeys(vault.toString(), orgId, key[0].rootPubkey(),
                        key[1].rootPubkey(), group, "MainGroup", 2, NODES, 1, System.currentTimeMillis()),
                ControlKeys.WALLET_SERVICE);
        return new Keyed(vault, group, ExtendedPublicKey.parse(key[0].rootPubkey()));
    }

    private static TssResult parse(String json) {
        try {
            return Support.JSON.readValue(json, TssResult.class);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String digits(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(i == 0 ? 1 + RANDOM.nextInt(9) : RANDOM.nextInt(10));
        }
        return b.toString();
    }
}
