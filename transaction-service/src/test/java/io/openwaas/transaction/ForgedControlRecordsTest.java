package io.openwaas.transaction;

import io.openwaas.platform.events.EventType;
import io.openwaas.platform.events.Topics;
import io.openwaas.platform.events.signing.ControlRecords;
import io.openwaas.platform.events.signing.RecordVerifier;
import io.openwaas.platform.events.tss.TssRequestType;
import io.openwaas.platform.events.tss.TssResult;
import io.openwaas.platform.events.tss.TssResultStatus;
import io.openwaas.platform.events.wallet.VaultKeys;
import io.openwaas.testkit.infra.ControlKeys;
import io.openwaas.testkit.kafka.RawEvents;
import io.openwaas.transaction.domain.Withdrawals;
import io.openwaas.transaction.messaging.VaultDirectory;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 11 §2 in this service: a {@code wallet.vaults} record not signed by wallet-service names no vault's signers
 * or root keys, and a {@code tss.results} signature report not signed by the node it names is refused before it
 * reaches a withdrawal. The genuine record sent after the forged one (same partition, read after it) is admitted.
 */
@QuarkusTest
class ForgedControlRecordsTest {

    @Inject
    VaultDirectory vaults;

    @Inject
    ControlRecords control;

    private static VaultKeys vault(String id, List<String> nodes) {
        return new VaultKeys(id, "org", "xpub-forged", "cpub-forged", UUID.randomUUID().toString(), "MainGroup", 2,
                nodes, 1, System.currentTimeMillis());
    }

    @Test
    void aForgedVaultRecordNamesNoSigners() {
        String forged = UUID.randomUUID().toString();
        String genuine = UUID.randomUUID().toString();
        List<String> attackers = ControlKeys.fakeNodes(2);
        RawEvents.send(Support.bootstrap(), Topics.WALLET_VAULTS, forged, EventType.WALLET_VAULT_KEYS_UPDATED,
                "/wallet-service", "org", 1, vault(forged, attackers));
        RawEvents.send(Support.bootstrap(), Topics.WALLET_VAULTS, forged, EventType.WALLET_VAULT_KEYS_UPDATED,
                "/wallet-service", "org", 2, vault(forged, attackers), ControlKeys.realNode(0));
        RawEvents.send(Support.bootstrap(), Topics.WALLET_VAULTS, genuine, EventType.WALLET_VAULT_KEYS_UPDATED,
                "/wallet-service", "org", 1, vault(genuine, List.of("tss-node-0", "tss-node-1")),
                ControlKeys.WALLET_SERVICE);
        await().atMost(Duration.ofSeconds(30)).until(() -> vaults.find(genuine).isPresent());
        assertTrue(vaults.find(forged).isEmpty(), "the forged vault is unknown");
        assertTrue(refused(Topics.WALLET_VAULTS, forged, RecordVerifier.Reason.UNSIGNED));
        assertTrue(refused(Topics.WALLET_VAULTS, forged, RecordVerifier.Reason.SIGNER_NOT_ALLOWED));
    }

    @Test
    void aForgedSignatureReportIsRefused() {
        String id = Withdrawals.SIGN_PREFIX + UUID.randomUUID();
        TssResult forged = new TssResult(id, TssRequestType.KEY_SIGN, "tss-node-0", TssResultStatus.SUCCEEDED, null,
                null, null, List.of(), System.currentTimeMillis());
        RawEvents.send(Support.bootstrap(), Topics.TSS_RESULTS, id, EventType.TSS_RESULT_REPORTED, "/tss-service/tss-node-0",
                null, 2, forged);
        RawEvents.send(Support.bootstrap(), Topics.TSS_RESULTS, id, EventType.TSS_RESULT_REPORTED, "/tss-service/tss-node-0",
                null, 2, forged, "tss-node-1");
        await().atMost(Duration.ofSeconds(30)).until(() -> refused(Topics.TSS_RESULTS, id, RecordVerifier.Reason.UNSIGNED)
                && refused(Topics.TSS_RESULTS, id, RecordVerifier.Reason.CLAIM_MISMATCH));
    }

    private boolean refused(String topic, String key, RecordVerifier.Reason reason) {
        return control.refused().stream().anyMatch(r -> r.topic().equals(topic) && key.equals(r.key())
                && r.reason() == reason);
    }
}
