package io.openwaas.wallet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openwaas.platform.auth.CurveType;
import io.openwaas.testkit.auth.SignedClient;
import io.openwaas.testkit.infra.TssNodesTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;
import org.web3j.utils.Numeric;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Server wallets (seed 001) against three real TSS node processes: the key is a 2-of-2 made by two nodes, a user has
 * one wallet ever, and a {@code personal_sign} signature by the nodes recovers (web3j) to the wallet's address.
 */
@QuarkusTest
class ServerWalletApiTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static String body(String field, String value) {
        return "{\"" + field + "\":\"" + value + "\"}";
    }

    private static long keysOfGroup(String group) throws Exception {
        long n = 0;
        for (JsonNode k : MAPPER.readTree(TssNodesTestResource.nodes().get(0).get("/admin/keys"))) {
            if (k.get("group_id").asText().equals(group)) {
                n++;
            }
        }
        return n;
    }

    @Test
    void oneWalletPerUserThatSignsPersonalMessages() throws Exception {
        SignedClient client = Fixtures.newOrganization(CurveType.ED25519);
        String userId = "user_" + UUID.randomUUID().toString().substring(0, 8);

        Response created = client.post("/api/wallets", body("userId", userId));
        created.then().statusCode(201)
                .body("success", equalTo(true))
                .body("userId", equalTo(userId))
                .body("address", matchesPattern("0x[0-9a-fA-F]{40}"))
                .body("walletId", matchesPattern("[0-9a-f-]{36}"))
                .body("publicKey", matchesPattern("0x04[0-9a-f]{128}"));
        String walletId = created.jsonPath().getString("walletId");
        String address = created.jsonPath().getString("address");
        String publicKey = created.jsonPath().getString("publicKey");
        assertEquals(Keys.toChecksumAddress(Keys.getAddress(publicKey.substring(4))), address,
                "the address is the public key's (web3j, EIP-55)");

        client.post("/api/wallets", body("userId", userId)).then().statusCode(200)
                .body("walletId", equalTo(walletId)).body("address", equalTo(address));
        assertEquals(1, keysOfGroup("server-wallet:" + walletId), "one key, never a second");

        for (String key : new String[] {userId, walletId, address, address.toLowerCase()}) {
            client.get("/api/wallets/" + key).then().statusCode(200)
                    .body("walletId", equalTo(walletId)).body("userId", equalTo(userId))
                    .body("address", equalTo(address)).body("publicKey", equalTo(publicKey));
        }

        for (String message : new String[] {"Register API key for exchange X, nonce 42", "héllo ✓"}) {
            Response signed = client.post("/api/wallets/" + address + "/sign",
                    MAPPER.writeValueAsString(java.util.Map.of("message", message)));
            signed.then().statusCode(200)
                    .body("success", equalTo(true)).body("walletId", equalTo(walletId))
                    .body("address", equalTo(address)).body("message", equalTo(message))
                    .body("signature", matchesPattern("0x[0-9a-f]{130}"));
            byte[] sig = Numeric.hexStringToByteArray(signed.jsonPath().getString("signature"));
            Sign.SignatureData data = new Sign.SignatureData(sig[64], Arrays.copyOfRange(sig, 0, 32),
                    Arrays.copyOfRange(sig, 32, 64));
            BigInteger signer = Sign.signedPrefixedMessageToKey(message.getBytes(StandardCharsets.UTF_8), data);
            assertEquals(address.toLowerCase(), "0x" + Keys.getAddress(signer), "web3j recovers the wallet's address");
        }
    }

    @Test
    void badInputAndOtherOrganisationsGetTheEnvelope() {
        SignedClient client = Fixtures.newOrganization(CurveType.ED25519);
        client.post("/api/wallets", "{}").then().statusCode(400).body("error_code", equalTo(2003));
        client.post("/api/wallets", body("userId", "")).then().statusCode(400).body("error_code", equalTo(2003));
        client.post("/api/wallets", body("userId", "has space")).then().statusCode(400).body("error_code", equalTo(2006));
        client.post("/api/wallets", "{\"userId\":12}").then().statusCode(400);
        client.get("/api/wallets/nobody-" + UUID.randomUUID()).then().statusCode(404).body("error_code", equalTo(2028));
        client.get("/api/wallets/0x" + "ab".repeat(20)).then().statusCode(404);
        client.post("/api/wallets/nobody/sign", body("message", "x")).then().statusCode(404);

        String userId = "iso_" + UUID.randomUUID().toString().substring(0, 8);
        String walletId = client.post("/api/wallets", body("userId", userId)).then().statusCode(201)
                .extract().path("walletId");
        client.post("/api/wallets/" + walletId + "/sign", "{}").then().statusCode(400).body("error_code", equalTo(2003));
        client.post("/api/wallets/" + walletId + "/sign", body("message", "")).then().statusCode(400);

        SignedClient other = Fixtures.newOrganization(CurveType.ED25519);
        other.get("/api/wallets/" + walletId).then().statusCode(404);
        other.get("/api/wallets/" + userId).then().statusCode(404);
        other.post("/api/wallets/" + walletId + "/sign", body("message", "x")).then().statusCode(404);

        SignedClient readOnly = Fixtures.newOrganization(CurveType.ED25519, "read", "write");
        String readOnlyWallet = readOnly.post("/api/wallets", body("userId", userId)).then().statusCode(201)
                .extract().path("walletId");
        readOnly.post("/api/wallets/" + readOnlyWallet + "/sign", body("message", "x")).then().statusCode(403);
    }
}
