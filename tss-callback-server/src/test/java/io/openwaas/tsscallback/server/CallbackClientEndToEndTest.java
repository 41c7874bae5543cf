package io.openwaas.tsscallback.server;

import io.openwaas.tsscallback.CallbackClient;
import io.openwaas.tsscallback.CallbackEnvelope;
import io.openwaas.tsscallback.CallbackRequest;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;

import static io.openwaas.tsscallback.server.Fixtures.newId;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The TSS node's client from libs/tss-callback against the running server: both ends of the protocol. */
@QuarkusTest
class CallbackClientEndToEndTest {

    private static final CallbackClient.RetryPolicy FAST =
            new CallbackClient.RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(40), Duration.ofSeconds(5));

    @TestHTTPResource("/")
    URI base;

    private CallbackClient client(String nodeKey) {
        return new CallbackClient(base, Fixtures.privateKey(nodeKey), Fixtures.publicKey("server"), FAST,
                HttpClient.newHttpClient());
    }

    @Test
    void approvals() {
        CallbackClient client = client("node-0");
        assertEquals(new CallbackClient.Decision(true, "", 1), client.check(CallbackRequest.ping(newId())));
        assertEquals(new CallbackClient.Decision(true, "", 1), client.check(Fixtures.keyGen(newId())));
        assertEquals(new CallbackClient.Decision(true, "", 1), client.check(Fixtures.keyReshare(newId())));
        assertEquals(new CallbackClient.Decision(true, "", 1), client("node-1").check(
                Fixtures.usdt(newId(), "1000000", "0xabcdef0000000000000000000000000000000001")));
    }

    @Test
    void aRuleRejectionReachesTheNodeWithItsReason() {
        CallbackClient.Decision decision = client("node-0").check(
                Fixtures.usdt(newId(), "1000001", "0xAbCdEf0000000000000000000000000000000001"));
        assertEquals(new CallbackClient.Decision(false, "amount 1000001 ETH_USDT exceeds the limit 1000000", 1),
                decision);
    }

    @Test
    void aNodeSpeakingCobosPackageDataEnvelopeGetsTheSameDecisions() {
        CallbackClient client = new CallbackClient(base, Fixtures.privateKey("node-0"), Fixtures.publicKey("server"),
                FAST, HttpClient.newHttpClient(), CallbackEnvelope.PACKAGE_DATA);
        assertEquals(new CallbackClient.Decision(true, "", 1), client.check(Fixtures.keyGen(newId())));
        assertEquals(new CallbackClient.Decision(false, "amount 1000001 ETH_USDT exceeds the limit 1000000", 1),
                client.check(Fixtures.usdt(newId(), "1000001", "0xAbCdEf0000000000000000000000000000000001")));
    }

    @Test
    void aNodeTheServerDoesNotKnowIsRejectedAfterItsRetries() {
        CallbackClient.Decision decision = client("stranger").check(CallbackRequest.ping(newId()));
        assertEquals(new CallbackClient.Decision(false, "callback server gave no valid answer after 3 attempts: "
                + "callback server error (status 1): TSS_JWT_MSG is not an RS256 JWT signed by a configured TSS node key",
                3), decision);
    }

    @Test
    void aClientThatDoesNotKnowTheServerKeyNeverApproves() {
        CallbackClient client = new CallbackClient(base, Fixtures.privateKey("node-0"), Fixtures.publicKey("stranger"),
                FAST, HttpClient.newHttpClient());
        CallbackClient.Decision decision = client.check(CallbackRequest.ping(newId()));
        assertEquals(new CallbackClient.Decision(false, "callback server gave no valid answer after 3 attempts: "
                + "answer rejected: the JWT signature does not verify with this key", 3), decision);
    }
}
