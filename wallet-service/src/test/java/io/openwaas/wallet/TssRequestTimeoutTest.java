package io.openwaas.wallet;

import io.openwaas.platform.auth.CurveType;
import io.openwaas.platform.events.Topics;
import io.openwaas.platform.events.tss.TssRequest;
import io.openwaas.platform.events.tss.TssRequestType;
import io.openwaas.platform.events.tss.TssResult;
import io.openwaas.platform.events.tss.TssResultStatus;
import io.openwaas.testkit.auth.SignedClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.openwaas.wallet.TssSupport.MAPPER;
import static io.openwaas.wallet.TssSupport.createGroup;
import static io.openwaas.wallet.TssSupport.createVault;
import static io.openwaas.wallet.TssSupport.requestsPath;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 11 §3: a TSS request that never finishes. A Main Group of the real tss-node-0 and a node that announced itself
 * but never takes part: the request goes KeyGenerating (the silent node's Confirmed is played by the test) and would
 * stay there for ever. After {@code openwaas.tss-requests.timeout} (4 s here) it is KeyGeneratingFailed with the
 * reason, its group takes a new request, a Cancel for it is on tss.requests, and tss-node-0 obeys it: it reports
 * Cancelled long before its own 20 s session timeout. A client's cancel sends the Cancel too.
 */
@QuarkusTest
@TestProfile(TssRequestTimeoutTest.ShortTimeout.class)
class TssRequestTimeoutTest {

    /** A 4 s request timeout, checked every second. */
    public static class ShortTimeout implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("openwaas.tss-requests.timeout", "4s", "openwaas.tss-requests.check-every", "1s");
        }
    }

    private static final String REAL = "tss-node-0";

    private static String keyGen(SignedClient client, String vault, String group) {
        return client.post(requestsPath(vault), "{\"type\":\"KeyGen\",\"target_key_share_holder_group_id\":\""
                + group + "\"}").then().statusCode(201).extract().path("tss_request_id");
    }

    private static List<ConsumerRecord<String, String>> cancels(String requestId) {
        return TssSupport.commands(r -> r.key().equals(requestId) && r.value().contains("\"type\":\"Cancel\""));
    }

    @Test
    void aRequestThatNeverFinishesFailsAfterTheTimeoutFreesItsGroupAndTheNodesCancel() throws Exception {
        SignedClient client = Fixtures.newOrganization(CurveType.ED25519);
        String silent = "silent-node-" + UUID.randomUUID().toString().substring(0, 8);
        TssSupport.awaitKnown(client, List.of(REAL));
        TssSupport.announceOnline(client, List.of(silent));
        String vault = createVault(client);
        String group = createGroup(client, vault, "MainGroup", 2, List.of(REAL, silent));
        String id = keyGen(client, vault, group);
        long created = System.currentTimeMillis();
        TssSupport.report(TssSupport.confirmed(id, TssRequestType.KEY_GEN, silent));
        TssSupport.awaitRequestStatus(client, vault, id, "KeyGenerating");

        TssSupport.awaitRequestStatus(client, vault, id, "KeyGeneratingFailed");
        client.get(requestsPath(vault) + "/" + id).then().statusCode(200)
                .body("status", equalTo("KeyGeneratingFailed"));
        List<ConsumerRecord<String, String>> cancel = cancels(id);
        assertEquals(1, cancel.size(), "one Cancel for the request");
        TssRequest command = MAPPER.readValue(cancel.get(0).value(), TssRequest.class);
        assertEquals(io.openwaas.platform.events.tss.TssRequestType.CANCEL, command.type());

        TssResult[] obeyed = new TssResult[1];
        Awaitility.await("tss-node-0 reports Cancelled").atMost(Duration.ofSeconds(30)).until(() -> {
            for (ConsumerRecord<String, String> r : TopicReader.readToEnd(Topics.TSS_RESULTS, Duration.ofSeconds(10)).records()) {
                if (id.equals(r.key())) {
                    TssResult res = MAPPER.readValue(r.value(), TssResult.class);
                    if (res.nodeId().equals(REAL) && res.status() == TssResultStatus.CANCELLED) {
                        obeyed[0] = res;
                        return true;
                    }
                }
            }
            return false;
        });
        assertTrue(obeyed[0].timestamp() - created < 15_000, "stopped by the Cancel, not by its 20 s session timeout");

        // the group is free: a new request for it is accepted
        String again = keyGen(client, vault, group);
        assertTrue(!again.equals(id));
        client.get(requestsPath(vault) + "/" + id).then().body("status", equalTo("KeyGeneratingFailed"));
    }

    @Test
    void aClientsCancelIsToldToTheNodes() {
        SignedClient client = Fixtures.newOrganization(CurveType.ED25519);
        List<String> silent = TssSupport.nodeIds("silent-cancel", 2);
        TssSupport.announceOnline(client, silent);
        String vault = createVault(client);
        String group = createGroup(client, vault, "MainGroup", 2, silent);
        String id = keyGen(client, vault, group);
        client.post(requestsPath(vault) + "/" + id + "/cancel", null).then().statusCode(201)
                .body("status", equalTo("KeyHolderConfirmationFailed"));
        assertEquals(1, cancels(id).size(), "the Cancel went to the nodes");
        client.get(requestsPath(vault) + "/" + id).then().body("status", containsString("KeyHolderConfirmationFailed"));
    }
}
