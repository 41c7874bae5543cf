package io.openwaas.wallet;

import io.openwaas.platform.auth.CurveType;
import io.openwaas.testkit.infra.ControlKeys;
import io.openwaas.testkit.auth.ApiKeyPair;
import io.openwaas.testkit.auth.CoboAuthSigner;
import io.openwaas.testkit.auth.SignedClient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Cobo Auth (reference §1): every refusal is a 401 with the envelope, signed, and changes nothing. */
@QuarkusTest
class CoboAuthTest {

    private static final String VAULT = "{\"name\":\"v\",\"vault_type\":\"Org-Controlled\"}";
    private static final String VAULTS = "/v2/wallets/mpc/vaults?vault_type=Org-Controlled";

    @Test
    void ed25519AndSecp256k1KeysAreAccepted() {
        for (CurveType curve : CurveType.values()) {
            SignedClient client = Fixtures.newOrganization(curve);
            client.get("/v2/organizations/info").then().statusCode(200).body("org_id", matchesPattern(".+"));
            client.get("/v2/developers/api_key_info").then().statusCode(200)
                    .body("key", equalTo(client.key().apiKey()))
                    .body("curve_type", equalTo(curve.name()))
                    .body("role_scopes.role_name", equalTo(List.of("read", "write", "spend")));
            client.post("/v2/wallets/mpc/vaults", VAULT).then().statusCode(201);
        }
    }

    @Test
    void missingHeadersAreRefused() {
        SignedClient client = Fixtures.newOrganization(CurveType.ED25519);
        Map<String, String> headers = client.headers("POST", "/v2/wallets/mpc/vaults", VAULT, CoboAuthSigner.freshNonce());
        for (String header : List.of(CoboAuthSigner.API_KEY, CoboAuthSigner.NONCE, CoboAuthSigner.SIGNATURE)) {
            Map<String, String> partial = new HashMap<>(headers);
            partial.remove(header);
            client.raw("POST", "/v2/wallets/mpc/vaults", VAULT, partial).then().statusCode(401)
                    .body("error_code", equalTo(2022))
                    .body("error_message", equalTo("missing required headers: " + header));
        }
        client.raw("GET", VAULTS, null, Map.of()).then().statusCode(401).body("error_code", equalTo(2022));
        assertVaultCount(client, 0);
    }

    @Test
    void tamperedBodyWrongKeyAndUnknownKeyAreRefused() {
        SignedClient client = Fixtures.newOrganization(CurveType.ED25519);
        String nonce = CoboAuthSigner.freshNonce();
        Map<String, String> headers = client.headers("POST", "/v2/wallets/mpc/vaults", VAULT, nonce);
        String tampered = VAULT.replace("\"v\"", "\"w\"");
        client.raw("POST", "/v2/wallets/mpc/vaults", tampered, headers).then().statusCode(401)
                .body("error_code", equalTo(2023)).body("error_message", equalTo("API signature verification failed"));

        // Signed by another key, sent under the registered one.
        SignedClient impostor = new SignedClient(ApiKeyPair.random(CurveType.ED25519), Fixtures.responsePublicKey());
        Map<String, String> forged = new HashMap<>(impostor.headers("POST", "/v2/wallets/mpc/vaults", VAULT,
                CoboAuthSigner.freshNonce()));
        forged.put(CoboAuthSigner.API_KEY, client.key().apiKey());
        client.raw("POST", "/v2/wallets/mpc/vaults", VAULT, forged).then().statusCode(401).body("error_code", equalTo(2023));

        // A key nobody registered.
        impostor.post("/v2/wallets/mpc/vaults", VAULT).then().statusCode(401).body("error_code", equalTo(2024));
        // Tampered query.
        Map<String, String> forList = client.headers("GET", VAULTS + "&limit=5", null, CoboAuthSigner.freshNonce());
        client.raw("GET", VAULTS + "&limit=6", null, forList).then().statusCode(401).body("error_code", equalTo(2023));
        assertVaultCount(client, 0);
    }

    /**
     * A POST with a body to a resource method that takes none (RESTEasy does not read it): the filter reads it
     * without blocking the event loop, so a signed request reaches the resource (404 here) and a tampered body is
     * refused; never a 500 (it was "Attempting a blocking read on io thread").
     */
    @Test
    void aBodyOnAnEndpointThatTakesNoneIsVerifiedWithoutBlocking() {
        SignedClient client = Fixtures.newOrganization(CurveType.ED25519);
        String path = "/v2/wallets/" + java.util.UUID.randomUUID() + "/delete";
        client.post(path, "{}").then().statusCode(404).body("error_code", equalTo(2028));
        client.post(path, "{\"reason\":\"test\"}").then().statusCode(404);
        Map<String, String> headers = client.headers("POST", path, "{\"a\":1}", CoboAuthSigner.freshNonce());
        client.raw("POST", path, "{\"a\":2}", headers).then().statusCode(401).body("error_code", equalTo(2023));
    }

    @Test
    void replayedAndStaleNoncesAreRefused() {
        SignedClient client = Fixtures.newOrganization(CurveType.SECP256K1);
        String nonce = CoboAuthSigner.freshNonce();
        client.send("POST", "/v2/wallets/mpc/vaults", VAULT, nonce).then().statusCode(201);
        client.send("POST", "/v2/wallets/mpc/vaults", VAULT, nonce).then().statusCode(401)
                .body("error_code", equalTo(2023)).body("error_message", startsWith("API nonce already used"));
        String stale = Long.toString(System.currentTimeMillis() - 6 * 60_000);
        client.send("POST", "/v2/wallets/mpc/vaults", VAULT, stale).then().statusCode(401)
                .body("error_message", startsWith("API nonce is more than 5 minutes"));
        String future = Long.toString(System.currentTimeMillis() + 6 * 60_000);
        client.send("POST", "/v2/wallets/mpc/vaults", VAULT, future).then().statusCode(401);
        client.send("POST", "/v2/wallets/mpc/vaults", VAULT, "not-a-number").then().statusCode(401);
        assertVaultCount(client, 1);
    }

    @Test
    void queryIsReEncodedAsTheSdksSignIt() {
        SignedClient client = Fixtures.newOrganization(CurveType.ED25519);
        // The JS SDK signs "a+b" and "x*y" but sends "%20" and "%2A": the server re-encodes before verifying.
        String signedQuery = VAULTS + "&note=a+b*c&limit=5";
        String wireQuery = VAULTS + "&note=a%20b%2Ac&limit=5";
        Map<String, String> headers = client.headers("GET", signedQuery, null, CoboAuthSigner.freshNonce());
        client.raw("GET", wireQuery, null, headers).then().statusCode(200);
        // Empty values are left out of the signed query.
        Map<String, String> withoutEmpty = client.headers("GET", VAULTS + "&limit=5", null, CoboAuthSigner.freshNonce());
        client.raw("GET", VAULTS + "&after=&limit=5", null, withoutEmpty).then().statusCode(200);
        // The Python SDK signs an empty body for "{}".
        Map<String, String> emptyBody = client.headers("POST", "/v2/wallets/mpc/vaults", "", CoboAuthSigner.freshNonce());
        client.raw("POST", "/v2/wallets/mpc/vaults", "{}", emptyBody).then().statusCode(400)
                .body("error_code", equalTo(2006));
    }

    @Test
    void scopesAreEnforced() {
        SignedClient full = Fixtures.newOrganization(CurveType.ED25519);
        SignedClient readOnly = Fixtures.clientFor(Fixtures.orgIdOf(full), CurveType.ED25519, "read");
        readOnly.get(VAULTS).then().statusCode(200);
        readOnly.post("/v2/wallets/mpc/vaults", VAULT).then().statusCode(403).body("error_code", equalTo(2025));
        assertVaultCount(full, 0);
    }

    @Test
    void revokedKeyIsRefused() {
        SignedClient client = Fixtures.newOrganization(CurveType.ED25519);
        String orgId = Fixtures.orgIdOf(client);
        client.get("/v2/organizations/info").then().statusCode(200);
        long revokedAt = System.nanoTime();
        Fixtures.operatorPost("/admin/organizations/" + orgId + "/api_keys/" + client.key().apiKey() + "/revoke", null)
                .then().statusCode(201);
        Fixtures.awaitStatus(client, "/v2/organizations/info", 401);
        long millis = (System.nanoTime() - revokedAt) / 1_000_000;
        System.out.println("revocation took effect after " + millis + " ms");
        Response refused = client.post("/v2/wallets/mpc/vaults", VAULT);
        assertEquals(401, refused.statusCode());
        assertEquals(2024, refused.jsonPath().getInt("error_code"));
    }

    /**
     * An authentic record on {@code iam.api-keys} (signed by wallet-service) that cannot be read (a garbled
     * revocation, a body for another key) must not leave the key usable: the view drops the key (fail closed).
     */
    @Test
    void anUnreadableKeyRecordRevokesTheKey() {
        for (String garbled : List.of("{\"status\":\"REVOKED\",", "[]")) {
            SignedClient client = Fixtures.newOrganization(CurveType.ED25519);
            client.get("/v2/organizations/info").then().statusCode(200);
            TssSupport.sendBare("iam.api-keys", client.key().apiKey(), garbled, ControlKeys.WALLET_SERVICE);
            Fixtures.awaitStatus(client, "/v2/organizations/info", 401);
            client.get("/v2/organizations/info").then().statusCode(401).body("error_code", equalTo(2024));
        }
        // A record under one key whose body names another key is as unreadable: it revokes the key it is filed under.
        SignedClient victim = Fixtures.newOrganization(CurveType.ED25519);
        SignedClient other = Fixtures.newOrganization(CurveType.ED25519);
        String otherRecord = "{\"api_key\":\"" + other.key().apiKey() + "\"}";
        TssSupport.sendBare("iam.api-keys", victim.key().apiKey(), otherRecord, ControlKeys.WALLET_SERVICE);
        Fixtures.awaitStatus(victim, "/v2/organizations/info", 401);
    }

    private static void assertVaultCount(SignedClient client, int expected) {
        client.get(VAULTS).then().statusCode(200).body("pagination.total_count", equalTo(expected));
    }
}
