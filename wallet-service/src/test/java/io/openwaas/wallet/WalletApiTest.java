package io.openwaas.wallet;

import io.openwaas.platform.auth.CurveType;
import io.openwaas.testkit.auth.SignedClient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;

@QuarkusTest
class WalletApiTest {

    private static String vault(SignedClient client, String name) {
        return client.post("/v2/wallets/mpc/vaults", "{\"name\":\"" + name + "\",\"vault_type\":\"Org-Controlled\"}")
                .then().statusCode(201).extract().path("vault_id");
    }

    private static String walletJson(String name, String vaultId) {
        return "{\"name\":\"" + name + "\",\"wallet_type\":\"MPC\",\"wallet_subtype\":\"Org-Controlled\",\"vault_id\":\""
                + vaultId + "\"}";
    }

    @Test
    void createGetUpdateListAndDelete() {
        SignedClient client = Fixtures.newOrganization(CurveType.ED25519);
        String orgId = Fixtures.orgIdOf(client);
        String vaultA = vault(client, "A");
        String vaultB = vault(client, "B");
        Response created = client.post("/v2/wallets", walletJson("Ops wallet", vaultA));
        created.then().statusCode(201)
                .body("wallet_id", matchesPattern("[0-9a-f-]{36}"))
                .body("wallet_type", equalTo("MPC"))
                .body("wallet_subtype", equalTo("Org-Controlled"))
                .body("name", equalTo("Ops wallet"))
                .body("org_id", equalTo(orgId))
                .body("vault_id", equalTo(vaultA))
                .body("vault_name", equalTo("A"))
                .body("enable_auto_sweep", equalTo(false));
        String walletId = created.jsonPath().getString("wallet_id");
        client.post("/v2/wallets", walletJson("second", vaultB)).then().statusCode(201);

        client.get("/v2/wallets/" + walletId).then().statusCode(200).body("name", equalTo("Ops wallet"));
        client.put("/v2/wallets/" + walletId, "{\"wallet_type\":\"MPC\",\"name\":\"Renamed\",\"enable_auto_sweep\":true}")
                .then().statusCode(200).body("name", equalTo("Renamed")).body("enable_auto_sweep", equalTo(true));

        client.get("/v2/wallets").then().statusCode(200).body("data", hasSize(2))
                .body("pagination.total_count", equalTo(2));
        client.get("/v2/wallets?wallet_type=MPC&wallet_subtype=Org-Controlled&vault_id=" + vaultA + "&limit=10")
                .then().statusCode(200).body("data.wallet_id", equalTo(List.of(walletId)));
        client.get("/v2/wallets?wallet_type=Custodial").then().statusCode(200).body("pagination.total_count", equalTo(0));
        client.get("/v2/wallets?project_id=" + UUID.randomUUID()).then().statusCode(200)
                .body("pagination.total_count", equalTo(0));

        client.post("/v2/wallets/" + walletId + "/delete", null).then().statusCode(201).body("submitted", equalTo(true));
        client.get("/v2/wallets/" + walletId).then().statusCode(404);
        client.get("/v2/wallets").then().body("pagination.total_count", equalTo(1));
    }

    @Test
    void otherOrganizationsWalletsAndVaultsAreInvisible() {
        SignedClient alice = Fixtures.newOrganization(CurveType.ED25519);
        SignedClient bob = Fixtures.newOrganization(CurveType.SECP256K1);
        String aliceVault = vault(alice, "A");
        String walletId = alice.post("/v2/wallets", walletJson("w", aliceVault)).then().statusCode(201)
                .extract().path("wallet_id");

        bob.post("/v2/wallets", walletJson("intruder", aliceVault)).then().statusCode(404).body("error_code", equalTo(2028));
        bob.get("/v2/wallets/" + walletId).then().statusCode(404);
        bob.put("/v2/wallets/" + walletId, "{\"wallet_type\":\"MPC\",\"name\":\"x\"}").then().statusCode(404);
        bob.post("/v2/wallets/" + walletId + "/delete", null).then().statusCode(404);
        bob.get("/v2/wallets?vault_id=" + aliceVault).then().body("pagination.total_count", equalTo(0));
        alice.get("/v2/wallets/" + walletId).then().statusCode(200).body("name", equalTo("w"));
    }

    @Test
    void badInputIs400AndCreatesNothing() {
        SignedClient client = Fixtures.newOrganization(CurveType.ED25519);
        String vaultId = vault(client, "A");
        client.post("/v2/wallets", "{").then().statusCode(400);
        client.post("/v2/wallets", walletJson("x", vaultId).replace("\"MPC\"", "\"Magic\"")).then().statusCode(400)
                .body("error_message", matchesPattern("invalid value 'Magic' for wallet_type .*"));
        client.post("/v2/wallets", walletJson("x", vaultId).replace("\"MPC\"", "\"Custodial\"")).then().statusCode(400)
                .body("error_message", matchesPattern("wallet_type Custodial .* is not supported"));
        client.post("/v2/wallets", walletJson("x", vaultId).replace("Org-Controlled", "User-Controlled"))
                .then().statusCode(400);
        client.post("/v2/wallets", walletJson("x", "not-a-uuid")).then().statusCode(400)
                .body("error_message", equalTo("invalid vault_id: must be a UUID"));
        client.post("/v2/wallets", "{\"name\":\"x\",\"wallet_type\":\"MPC\",\"wallet_subtype\":\"Org-Controlled\"}")
                .then().statusCode(400).body("error_code", equalTo(2003));
        client.post("/v2/wallets", walletJson("x", UUID.randomUUID().toString())).then().statusCode(404);
        client.post("/v2/wallets", walletJson("x", vaultId).replace("\"x\"", "[\"x\"]")).then().statusCode(400);
        client.post("/v2/wallets", "{\"name\":\"x\",\"wallet_type\":\"MPC\",\"wallet_subtype\":\"Org-Controlled\",\"vault_id\":\""
                + vaultId + "\",\"enable_auto_sweep\":\"yes\"}").then().statusCode(400);
        client.get("/v2/wallets?wallet_type=mpc").then().statusCode(400);
        client.get("/v2/wallets?vault_id=abc").then().statusCode(400);
        client.get("/v2/wallets?limit=100").then().statusCode(400);
        client.get("/v2/wallets/123").then().statusCode(400);
        client.get("/v2/wallets").then().body("pagination.total_count", equalTo(0));

        String walletId = client.post("/v2/wallets", walletJson("ok", vaultId)).then().statusCode(201)
                .extract().path("wallet_id");
        client.put("/v2/wallets/" + walletId, "{\"name\":\"x\"}").then().statusCode(400);
        client.put("/v2/wallets/" + walletId, "{\"wallet_type\":\"Custodial\",\"name\":\"x\"}").then().statusCode(400);
        client.put("/v2/wallets/" + walletId, "{\"wallet_type\":\"MPC\",\"name\":\" \"}").then().statusCode(400);
        client.get("/v2/wallets/" + walletId).then().body("name", equalTo("ok"));
    }
}
