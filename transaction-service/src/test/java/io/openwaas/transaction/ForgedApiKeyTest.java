package io.openwaas.transaction;

import io.openwaas.platform.auth.ApiKeyRecord;
import io.openwaas.platform.auth.ApiKeyStatus;
import io.openwaas.platform.auth.CurveType;
import io.openwaas.platform.auth.Scope;
import io.openwaas.platform.events.EventType;
import io.openwaas.platform.events.Topics;
import io.openwaas.testkit.auth.ApiKeyPair;
import io.openwaas.testkit.auth.SignedClient;
import io.openwaas.testkit.infra.ControlKeys;
import io.openwaas.testkit.kafka.RawEvents;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue 11 §2 in this service's API-key view: an {@code iam.api-keys} record not signed by wallet-service registers
 * nothing, whoever it claims to come from. The signed record sent after it (same partition, so read after it) is
 * admitted, which shows the forged one was read and refused, not merely not yet read.
 */
@QuarkusTest
class ForgedApiKeyTest {

    private static ApiKeyRecord record(ApiKeyPair key, String org) {
        long now = System.currentTimeMillis();
        return new ApiKeyRecord(key.apiKey(), org, "x", CurveType.ED25519, List.of(Scope.READ, Scope.WRITE, Scope.SPEND),
                ApiKeyStatus.ACTIVE, null, now, now, 1);
    }

    @Test
    void anUnsignedOrWronglySignedKeyRecordRegistersNothing() {
        String org = UUID.randomUUID().toString();
        ApiKeyPair unsigned = ApiKeyPair.random(CurveType.ED25519);
        ApiKeyPair byANode = ApiKeyPair.random(CurveType.ED25519);
        ApiKeyPair genuine = ApiKeyPair.random(CurveType.ED25519);
        RawEvents.send(Support.bootstrap(), Topics.IAM_API_KEYS, unsigned.apiKey(), EventType.API_KEY_UPDATED,
                "/wallet-service", org, 1, record(unsigned, org));
        RawEvents.send(Support.bootstrap(), Topics.IAM_API_KEYS, byANode.apiKey(), EventType.API_KEY_UPDATED,
                "/wallet-service", org, 1, record(byANode, org), ControlKeys.realNode(0));
        RawEvents.send(Support.bootstrap(), Topics.IAM_API_KEYS, genuine.apiKey(), EventType.API_KEY_UPDATED,
                "/wallet-service", org, 1, record(genuine, org), ControlKeys.WALLET_SERVICE);

        SignedClient ok = new SignedClient(genuine, Support.responsePublicKey());
        await().atMost(Duration.ofSeconds(30)).until(() -> ok.get("/v2/transactions").statusCode() == 200);
        assertEquals(401, new SignedClient(unsigned, Support.responsePublicKey()).get("/v2/transactions").statusCode());
        assertEquals(401, new SignedClient(byANode, Support.responsePublicKey()).get("/v2/transactions").statusCode());
    }
}
