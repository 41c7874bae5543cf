package io.openwaas.wallet;

import io.openwaas.platform.auth.CurveType;
import io.openwaas.platform.events.Topics;
import io.openwaas.platform.events.tss.TssRequest;
import io.openwaas.platform.events.tss.TssRequestType;
import io.openwaas.platform.events.tss.TssResult;
import io.openwaas.platform.events.tss.TssResultStatus;
import io.openwaas.testkit.auth.SignedClient;
import io.openwaas.testkit.infra.TssNodesTestResource;
import io.openwaas.testkit.process.ServiceProcess;
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
 * Issue 11 §3: a TSS request that never finishes. A Main Group of the real tss-node-0 and tss-node-2, and tss-node-2
 * is killed: the request goes KeyGenerating (the dead node's Confirmed is played by the test) and would stay there for
 * ever. After {@code openwaas.tss-requests.timeout} (8 s here) it is KeyGeneratingFailed, its group takes a new
 * request, a Cancel for it is on tss.requests, and tss-node-0 obeys it: it reports Cancelled (its own 20 s session
 * timeout would report Failed); restarted, tss-node-2 reports Cancelled too. A client's cancel sends the Cancel too.
 */
@QuarkusTest
@TestProfile(TssRequestTimeoutTest.ShortTimeout.class)
class TssRequestTimeoutTest {

    /** An 8 s request timeout, checked every second. */
    public static class ShortTimeout implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("openwaas.tss-requests.timeout", "8s", "openwaas.tss-requests.check-every", "1s");
        }
    }

    private static final String REAL = "tss-node-0";
    private static final String DOWN = "tss-node-2";

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
        TssSupport.awaitKnown(client, List.of(REAL, DOWN));
        ServiceProcess down = TssNodesTestResource.nodes().stream().filter(n -> n.name().equals(DOWN)).findFirst()
                .orElseThrow();
        String vault = createVault(client);
        String group = createGroup(client, vault, "MainGroup", 2, List.of(REAL, DOWN));
        down.kill();
        String id;
        try {
            id = keyGen(client, vault, group);
            // the killed node had confirmed before it died: the request is KeyGenerating and tss-node-0 waits for it
            TssSupport.report(TssSupport.confirmed(id, TssRequestType.KEY_GEN, DOWN));
            TssSupport.awaitRequestStatus(client, vault, id, "KeyGenerating");

            TssSupport.awaitRequestStatus(client, vault, id, "KeyGeneratingFailed");
            client.get(requestsPath(vault) + "/" + id).then().statusCode(200)
                    .body("status", equalTo("KeyGeneratingFailed"));
            List<ConsumerRecord<String, String>> cancel = cancels(id);
            assertEquals(1, cancel.size(), "one Cancel for the request");
            TssRequest command = MAPPER.readValue(cancel.get(0).value(), TssRequest.class);
            assertEquals(io.openwaas.platform.events.tss.TssRequestType.CANCEL, command.type());
            // obeyed: tss-node-0 stops at the Cancel (on its 20 s session timeout it would report Failed)
            assertEquals(TssResultStatus.CANCELLED, awaitTerminalReport(id, REAL).status());
        } finally {
            down.restart().awaitReady(Duration.ofSeconds(180));
        }
        // the restarted node reads the request, then its Cancel, and stops too
        assertEquals(TssResultStatus.CANCELLED, awaitTerminalReport(id, DOWN).status());

        // the group is free: a new request for it is accepted
        String again = keyGen(client, vault, group);
        assertTrue(!again.equals(id));
        client.get(requestsPath(vault) + "/" + id).then().body("status", equalTo("KeyGeneratingFailed"));
    }

    /** The first terminal report of the node on the request, read from tss.results. */
    private static TssResult awaitTerminalReport(String requestId, String nodeId) {
        TssResult[] found = new TssResult[1];
        Awaitility.await(nodeId + " reports an end of " + requestId).atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(500)).until(() -> {
                    for (ConsumerRecord<String, String> r
                            : TopicReader.readToEnd(Topics.TSS_RESULTS, Duration.ofSeconds(10)).records()) {
                        if (requestId.equals(r.key())) {
                            TssResult res = MAPPER.readValue(r.value(), TssResult.class);
                            if (res.nodeId().equals(nodeId) && res.status().terminal()) {
                                found[0] = res;
                                return true;
                            }
                        }
                    }
                    return false;
                });
        return found[0];
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
