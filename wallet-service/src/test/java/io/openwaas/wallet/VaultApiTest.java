package io.openwaas.wallet;

import io.openwaas.platform.auth.CurveType;
import io.openwaas.testkit.auth.SignedClient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class VaultApiTest {

    private static final String LIST = "/v2/wallets/mpc/vaults?vault_type=Org-Controlled";

    @Test
    void createGetRenameAndList() {
        SignedClient client = Fixtures.newOrganization(CurveType.ED25519);
        Response created = client.post("/v2/wallets/mpc/vaults", "{\"name\":\"Treasury\",\"vault_type\":\"Org-Controlled\"}");
        created.then().statusCode(201)
                .body("vault_id", matchesPattern("[0-9a-f-]{36}"))
                .body("name", equalTo("Treasury"))
                .body("type", equalTo("Org-Controlled"))
                .body("root_pubkeys", empty())
                .body("created_timestamp", notNullValue());
        String id = created.jsonPath().getString("vault_id");
        client.get("/v2/wallets/mpc/vaults/" + id).then().statusCode(200).body("name", equalTo("Treasury"));
        client.put("/v2/wallets/mpc/vaults/" + id, "{\"name\":\"Ops\"}").then().statusCode(200).body("name", equalTo("Ops"));
        client.get(LIST).then().statusCode(200).body("data", hasSize(1)).body("data[0].name", equalTo("Ops"))
                .body("pagination.before", equalTo("")).body("pagination.after", equalTo(""))
                .body("pagination.total_count", equalTo(1));
    }

    @Test
    void paginatesForwardAndBackwardWithCursors() {
        SignedClient client = Fixtures.newOrganization(CurveType.ED25519);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ids.add(client.post("/v2/wallets/mpc/vaults", "{\"name\":\"v" + i + "\",\"vault_type\":\"Org-Controlled\"}")
                    .then().statusCode(201).extract().path("vault_id"));
        }
        List<String> seen = new ArrayList<>();
        String after = "";
        List<String> befores = new ArrayList<>();
        do {
            Response page = client.get(LIST + "&limit=5" + (after.isEmpty() ? "" : "&after=" + after));
            page.then().statusCode(200).body("pagination.total_count", equalTo(12));
            seen.addAll(page.jsonPath().getList("data.vault_id"));
            befores.add(page.jsonPath().getString("pagination.before"));
            after = page.jsonPath().getString("pagination.after");
        } while (!after.isEmpty());
        assertEquals(ids, seen, "forward pages cover every vault once, in creation order");
        assertEquals("", befores.get(0), "the first page has nothing before it");

        // Backwards from the last page's first item.
        Response last = client.get(LIST + "&limit=5&after=" + client.get(LIST + "&limit=10").jsonPath().getString("pagination.after"));
        last.then().body("data", hasSize(2)).body("pagination.after", equalTo(""));
        List<String> backwards = new ArrayList<>(last.jsonPath().getList("data.vault_id"));
        String before = last.jsonPath().getString("pagination.before");
        while (!before.isEmpty()) {
            Response page = client.get(LIST + "&limit=5&before=" + before);
            page.then().statusCode(200);
            List<String> merged = new ArrayList<>(page.jsonPath().getList("data.vault_id"));
            merged.addAll(backwards);
            backwards = merged;
            before = page.jsonPath().getString("pagination.before");
        }
        assertEquals(ids, backwards, "backward pages cover every vault once");
    }

    @Test
    void otherOrganizationsVaultsAreInvisible() {
        SignedClient alice = Fixtures.newOrganization(CurveType.ED25519);
        SignedClient bob = Fixtures.newOrganization(CurveType.ED25519);
        String id = alice.post("/v2/wallets/mpc/vaults", "{\"name\":\"A\",\"vault_type\":\"Org-Controlled\"}")
                .then().statusCode(201).extract().path("vault_id");
        bob.get("/v2/wallets/mpc/vaults/" + id).then().statusCode(404).body("error_code", equalTo(2028));
        bob.put("/v2/wallets/mpc/vaults/" + id, "{\"name\":\"stolen\"}").then().statusCode(404);
        bob.get(LIST).then().body("pagination.total_count", equalTo(0));
        alice.get("/v2/wallets/mpc/vaults/" + id).then().body("name", equalTo("A"));
        bob.get("/v2/wallets/mpc/vaults/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void badInputIs400AndCreatesNothing() {
        SignedClient client = Fixtures.newOrganization(CurveType.ED25519);
        String path = "/v2/wallets/mpc/vaults";
        client.post(path, "{\"name\":\"x\",").then().statusCode(400).body("error_message", equalTo("malformed JSON body"));
        client.post(path, "[]").then().statusCode(400);
        client.post(path, "{\"name\":\"x\",\"vault_type\":\"Shared\"}").then().statusCode(400)
                .body("error_message", equalTo("invalid value 'Shared' for vault_type (allowed: Org-Controlled, User-Controlled)"));
        client.post(path, "{\"name\":5,\"vault_type\":\"Org-Controlled\"}").then().statusCode(400);
        client.post(path, "{\"vault_type\":\"Org-Controlled\"}").then().statusCode(400)
                .body("error_message", equalTo("invalid name: must not be blank"));
        client.post(path, "{\"name\":\"x\"}").then().statusCode(400);
        client.post(path, "{\"name\":\"x\",\"vault_type\":\"User-Controlled\",\"project_id\":\"" + UUID.randomUUID() + "\"}")
                .then().statusCode(400);
        client.post(path, "{\"name\":\"x\",\"vault_type\":\"Org-Controlled\",\"project_id\":\"p\"}").then().statusCode(400);
        client.get(path).then().statusCode(400).body("error_code", equalTo(2003));
        client.get(path + "?vault_type=Nope").then().statusCode(400);
        for (String limit : List.of("0", "51", "abc", "-1", "1.5")) {
            client.get(LIST + "&limit=" + limit).then().statusCode(400)
                    .body("error_message", equalTo("invalid limit: must be an integer from 1 to 50"));
        }
        client.get(LIST + "&after=bm90LWEtY3Vyc29y").then().statusCode(400);
        client.get(LIST + "&after=" + "cDE6MQ" + "&before=cDE6MQ").then().statusCode(400);
        client.get("/v2/wallets/mpc/vaults/not-a-uuid").then().statusCode(400);
        client.put(path + "/" + UUID.randomUUID(), "{\"name\":\"\"}").then().statusCode(400);
        client.get(LIST).then().body("pagination.total_count", equalTo(0));
    }
}
