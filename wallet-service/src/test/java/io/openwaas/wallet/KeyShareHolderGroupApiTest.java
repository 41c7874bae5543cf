package io.openwaas.wallet;

import io.openwaas.platform.auth.CurveType;
import io.openwaas.platform.events.tss.TssNodeStatus;
import io.openwaas.testkit.auth.SignedClient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.openwaas.wallet.TssSupport.createGroup;
import static io.openwaas.wallet.TssSupport.createVault;
import static io.openwaas.wallet.TssSupport.groupBody;
import static io.openwaas.wallet.TssSupport.groupsPath;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Key share holder groups and key share holders against the tss.nodes view (reference §3.4). */
@QuarkusTest
class KeyShareHolderGroupApiTest {

    @Test
    void coboKeyShareHoldersAreTheAnnouncedNodesWithTheirOnlineFlag() {
        SignedClient client = Fixtures.newOrganization(CurveType.ED25519);
        List<String> ids = TssSupport.nodeIds("cobo", 4);
        long now = System.currentTimeMillis();
        TssSupport.announce(TssSupport.node(ids.get(0), TssNodeStatus.ONLINE, now, 60_000));
        // Online but silent for more than three heartbeats: offline.
        TssSupport.announce(TssSupport.node(ids.get(1), TssNodeStatus.ONLINE, now - 16_000, 5_000));
        // Said goodbye.
        TssSupport.announce(TssSupport.node(ids.get(2), TssNodeStatus.OFFLINE, now, 60_000));
        // An older announcement after a newer one does not win.
        TssSupport.announce(TssSupport.node(ids.get(3), TssNodeStatus.ONLINE, now, 60_000));
        TssSupport.announce(TssSupport.node(ids.get(3), TssNodeStatus.OFFLINE, now - 1000, 60_000));
        TssSupport.awaitKnown(client, ids);

        Response r = client.get("/v2/wallets/mpc/cobo_key_share_holders");
        r.then().statusCode(200).contentType("application/json");
        List<Map<String, Object>> all = r.jsonPath().getList("$");
        List<String> order = all.stream().map(h -> (String) h.get("tss_node_id")).toList();
        List<String> sorted = new ArrayList<>(order);
        sorted.sort(null);
        assertEquals(sorted, order, "sorted by node id");
        Map<String, Boolean> expectedOnline = Map.of(ids.get(0), true, ids.get(1), false, ids.get(2), false,
                ids.get(3), true);
        for (Map<String, Object> h : all) {
            String id = (String) h.get("tss_node_id");
            if (expectedOnline.containsKey(id)) {
                assertEquals(expectedOnline.get(id), h.get("online"), "online flag of " + id);
                assertEquals(id, h.get("name"));
                assertEquals("Cobo", h.get("type"));
                assertEquals(true, h.get("signer"));
                assertEquals("Valid", h.get("status"));
            }
        }
    }

    @Test
    void createGetListFilterAndPaginate() {
        SignedClient client = Fixtures.newOrganization(CurveType.ED25519);
        List<String> nodes = TssSupport.nodeIds("grp", 3);
        TssSupport.announceOnline(client, nodes);
        String vault = createVault(client);

        Response created = client.post(groupsPath(vault), groupBody("MainGroup", 3, 2, nodes));
        created.then().statusCode(201)
                .body("key_share_holder_group_id", notNullValue())
                .body("type", equalTo("MainGroup"))
                .body("participants", equalTo(3))
                .body("threshold", equalTo(2))
                .body("status", equalTo("New"))
                .body("tss_key_share_groups", nullValue())
                .body("created_timestamp", notNullValue())
                .body("key_share_holders", hasSize(3))
                .body("key_share_holders.tss_node_id", equalTo(nodes))
                .body("key_share_holders[0].type", equalTo("API"))
                .body("key_share_holders[0].online", equalTo(true))
                .body("key_share_holders[0].signer", equalTo(true))
                .body("key_share_holders[0].status", equalTo("NotActivated"));
        String main = created.jsonPath().getString("key_share_holder_group_id");
        client.get(groupsPath(vault) + "/" + main).then().statusCode(200).body("status", equalTo("New"))
                .body("key_share_holders.tss_node_id", equalTo(nodes));

        List<String> signing = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            signing.add(createGroup(client, vault, i % 2 == 0 ? "SigningGroup" : "RecoveryGroup", 2,
                    List.of(nodes.get(i % 3), nodes.get((i + 1) % 3))));
        }
        List<String> all = new ArrayList<>(List.of(main));
        all.addAll(signing);

        List<String> seen = new ArrayList<>();
        String after = "";
        do {
            Response page = client.get(groupsPath(vault) + "?limit=4" + (after.isEmpty() ? "" : "&after=" + after));
            page.then().statusCode(200).body("pagination.total_count", equalTo(6));
            seen.addAll(page.jsonPath().getList("data.key_share_holder_group_id"));
            after = page.jsonPath().getString("pagination.after");
        } while (!after.isEmpty());
        assertEquals(all, seen, "forward pages cover every group once, in creation order");
        Response second = client.get(groupsPath(vault) + "?limit=4&after="
                + client.get(groupsPath(vault) + "?limit=4").jsonPath().getString("pagination.after"));
        String before = second.jsonPath().getString("pagination.before");
        client.get(groupsPath(vault) + "?limit=4&before=" + before).then().statusCode(200)
                .body("data.key_share_holder_group_id", equalTo(all.subList(0, 4)))
                .body("pagination.before", equalTo(""));

        client.get(groupsPath(vault) + "?key_share_holder_group_type=SigningGroup").then().statusCode(200)
                .body("data.key_share_holder_group_id", equalTo(List.of(signing.get(0), signing.get(2), signing.get(4))))
                .body("data.type", equalTo(List.of("SigningGroup", "SigningGroup", "SigningGroup")))
                .body("pagination.total_count", equalTo(3));
        client.get(groupsPath(vault) + "?key_share_holder_group_type=MainGroup").then()
                .body("data.key_share_holder_group_id", equalTo(List.of(main)));
        client.get(groupsPath(vault) + "?key_share_holder_group_type=Other").then().statusCode(400)
                .body("error_code", equalTo(2006));

        // Key share holders of the vault: every holding, filterable by group.
        String holders = "/v2/wallets/mpc/vaults/" + vault + "/key_share_holders";
        client.get(holders).then().statusCode(200).body("pagination.total_count", equalTo(13)).body("data", hasSize(10));
        client.get(holders + "?key_share_holder_group_ids=" + main + "," + signing.get(0)).then().statusCode(200)
                .body("pagination.total_count", equalTo(5))
                .body("data.tss_node_id", equalTo(List.of(nodes.get(0), nodes.get(1), nodes.get(2), nodes.get(0), nodes.get(1))));
        client.get(holders + "/" + nodes.get(1)).then().statusCode(200)
                .body("tss_node_id", equalTo(nodes.get(1))).body("name", equalTo(nodes.get(1)))
                .body("online", equalTo(true)).body("status", equalTo("NotActivated"));
        client.get(holders + "/unknown-node").then().statusCode(404).body("error_code", equalTo(2028));
        client.get(holders + "?key_share_holder_group_ids=nope").then().statusCode(400);

        // Deleting a New group: gone from the API.
        client.post(groupsPath(vault) + "/" + signing.get(1) + "/delete", null).then().statusCode(201)
                .body("submitted", equalTo(true));
        client.get(groupsPath(vault) + "/" + signing.get(1)).then().statusCode(404);
        client.post(groupsPath(vault) + "/" + signing.get(1) + "/delete", null).then().statusCode(404);
        client.get(groupsPath(vault)).then().body("pagination.total_count", equalTo(5));
        client.get(holders).then().body("pagination.total_count", equalTo(11));
        // The New Main Group has no keys yet: it can be deleted, and then another one created.
        client.post(groupsPath(vault) + "/" + main + "/delete", null).then().statusCode(201);
        createGroup(client, vault, "MainGroup", 2, nodes.subList(0, 2));
    }

    @Test
    void invalidGroupsAre400AndPersistNothing() {
        SignedClient client = Fixtures.newOrganization(CurveType.ED25519);
        List<String> nodes = TssSupport.nodeIds("val", 3);
        TssSupport.announceOnline(client, nodes);
        String vault = createVault(client);
        String path = groupsPath(vault);
        List<String> two = nodes.subList(0, 2);

        Map<String, String> cases = new java.util.LinkedHashMap<>();
        cases.put(groupBody("MainGroup", 3, 3, nodes), "3-of-3 key share holder group");
        cases.put(groupBody("MainGroup", 4, 2, nodes), "invalid participants: must be 2 or 3");
        cases.put(groupBody("MainGroup", 1, 1, nodes.subList(0, 1)), "invalid participants: must be 2 or 3");
        cases.put(groupBody("MainGroup", 2, 1, two), "invalid threshold: must be 2 or 3");
        cases.put(groupBody("MainGroup", 2, 3, two), "invalid threshold: must not exceed participants (2)");
        cases.put(groupBody("MainGroup", 3, 2, two), "invalid key_share_holders: has 2 holders but participants is 3");
        cases.put(groupBody("MainGroup", 2, 2, List.of(nodes.get(0), "no-such-node")),
                "invalid key_share_holders[1].tss_node_id: unknown TSS node 'no-such-node'");
        cases.put(groupBody("MainGroup", 2, 2, List.of(nodes.get(0), nodes.get(0))),
                "invalid key_share_holders[1].tss_node_id: TSS node '" + nodes.get(0) + "' appears more than once");
        cases.put(groupBody("MainGroup", 2, 2, List.of(nodes.get(0), "")),
                "missing required parameter: key_share_holders[1].tss_node_id");
        cases.put(groupBody("Everything", 2, 2, two), "invalid value 'Everything' for key_share_holder_group_type");
        cases.put("{\"key_share_holder_group_type\":\"MainGroup\",\"threshold\":2,\"key_share_holders\":[]}",
                "invalid participants: must not be null");
        cases.put("{\"key_share_holder_group_type\":\"MainGroup\",\"participants\":\"2\",\"threshold\":2,"
                + "\"key_share_holders\":[]}", "participants");
        cases.put("{\"key_share_holder_group_type\":\"MainGroup\",\"participants\":2,\"threshold\":2}",
                "invalid key_share_holders: must not be null");
        cases.put("{\"key_share_holder_group_type\":\"MainGroup\",\"participants\":2,\"threshold\":2,"
                + "\"key_share_holders\":[{\"tss_node_id\":\"" + nodes.get(0) + "\",\"type\":\"Robot\"},"
                + "{\"tss_node_id\":\"" + nodes.get(1) + "\"}]}", "invalid value 'Robot'");
        cases.put("{", "malformed JSON body");
        cases.forEach((body, message) -> client.post(path, body).then().statusCode(400)
                .body("error_code", org.hamcrest.Matchers.oneOf(2003, 2006))
                .body("error_message", containsString(message))
                .body("error_id", notNullValue()));
        client.get(path).then().statusCode(200).body("pagination.total_count", equalTo(0));
        client.get("/v2/wallets/mpc/vaults/" + vault + "/key_share_holders").then()
                .body("pagination.total_count", equalTo(0));

        // One Main Group per vault while it is New or Valid.
        createGroup(client, vault, "MainGroup", 2, two);
        client.post(path, groupBody("MainGroup", 3, 2, nodes)).then().statusCode(400)
                .body("error_code", equalTo(2029)).body("error_message", containsString("already has a Main Group"));
        client.get(path).then().body("pagination.total_count", equalTo(1));

        // Upgrading needs a Valid Signing Group.
        String signing = createGroup(client, vault, "SigningGroup", 2, two);
        client.put(path + "/" + signing, "{\"update_key_share_holder_group_action\":\"UpgradeToMainGroup\"}")
                .then().statusCode(400).body("error_code", equalTo(2029))
                .body("error_message", containsString("only a Valid Signing Group can be upgraded"));
        client.put(path + "/" + signing, "{\"update_key_share_holder_group_action\":\"Demote\"}").then().statusCode(400);
        client.put(path + "/" + signing, "{}").then().statusCode(400);
        client.get(path + "/" + signing).then().body("type", equalTo("SigningGroup"));

        client.post("/v2/wallets/mpc/vaults/not-a-uuid/key_share_holder_groups", groupBody("MainGroup", 2, 2, two))
                .then().statusCode(400);
        client.get(path + "/not-a-group").then().statusCode(404);
        client.get(path + "/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void theHolderFilterTakesAtMost50GroupIds() {
        SignedClient client = Fixtures.newOrganization(CurveType.ED25519);
        String holders = "/v2/wallets/mpc/vaults/" + createVault(client) + "/key_share_holders";
        String fifty = java.util.stream.IntStream.range(0, 50).mapToObj(i -> java.util.UUID.randomUUID().toString())
                .collect(java.util.stream.Collectors.joining(","));
        client.get(holders + "?key_share_holder_group_ids=" + fifty).then().statusCode(200);
        client.get(holders + "?key_share_holder_group_ids=" + fifty + "," + java.util.UUID.randomUUID())
                .then().statusCode(400).body("error_code", equalTo(2006))
                .body("error_message", equalTo("invalid key_share_holder_group_ids: at most 50 values"));
    }

    @Test
    void anotherOrganizationsVaultAndGroupsAre404() {
        SignedClient alice = Fixtures.newOrganization(CurveType.ED25519);
        SignedClient bob = Fixtures.newOrganization(CurveType.ED25519);
        List<String> nodes = TssSupport.nodeIds("iso", 2);
        TssSupport.announceOnline(alice, nodes);
        String vault = createVault(alice);
        String group = createGroup(alice, vault, "MainGroup", 2, nodes);
        String path = groupsPath(vault);

        bob.post(path, groupBody("SigningGroup", 2, 2, nodes)).then().statusCode(404).body("error_code", equalTo(2028));
        bob.get(path).then().statusCode(404);
        bob.get(path + "/" + group).then().statusCode(404);
        bob.put(path + "/" + group, "{\"update_key_share_holder_group_action\":\"UpgradeToMainGroup\"}")
                .then().statusCode(404);
        bob.post(path + "/" + group + "/delete", null).then().statusCode(404);
        bob.get("/v2/wallets/mpc/vaults/" + vault + "/key_share_holders").then().statusCode(404);
        bob.get("/v2/wallets/mpc/vaults/" + vault + "/key_share_holders/" + nodes.get(0)).then().statusCode(404);
        // Bob's own vault does not see Alice's group either.
        String bobVault = createVault(bob);
        bob.get(groupsPath(bobVault) + "/" + group).then().statusCode(404);

        alice.get(path + "/" + group).then().statusCode(200).body("status", equalTo("New"));
        alice.get(path).then().body("pagination.total_count", equalTo(1));
        assertTrue(alice.get(path).jsonPath().getList("data").size() == 1);
    }
}
