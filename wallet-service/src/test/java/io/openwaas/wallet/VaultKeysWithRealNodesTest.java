package io.openwaas.wallet;

import io.openwaas.crypto.hd.Ed25519ExtendedPublicKey;
import io.openwaas.crypto.hd.ExtendedPublicKey;
import io.openwaas.platform.auth.CurveType;
import io.openwaas.testkit.auth.SignedClient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.openwaas.wallet.TssSupport.createGroup;
import static io.openwaas.wallet.TssSupport.createVault;
import static io.openwaas.wallet.TssSupport.requestsPath;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole key flow of the reference against three real TSS node processes: a Main Group of the platform's nodes,
 * a KeyGen TSS request, the vault's root extended public keys — then a KeyGenFromKeyGroup that moves the keys to a
 * 2-of-2 Signing Group and keeps them, then a soft key recovery: the keys go to a Recovery Group and a Recovery
 * request restores them to a new 2-of-3 Main Group.
 */
@QuarkusTest
class VaultKeysWithRealNodesTest {

    private static final List<String> NODES = List.of("tss-node-0", "tss-node-1", "tss-node-2");

    @Test
    void keyGenThenKeyGenFromKeyGroupWithTheRealNodes() {
        // these nodes run without a callback server in the approve-all test mode (TssNodesTestResource opts in)
        for (var node : io.openwaas.testkit.infra.TssNodesTestResource.nodes()) {
            assertTrue(node.get("/admin/status").contains("no callback server configured"), node.name());
        }
        SignedClient client = Fixtures.newOrganization(CurveType.ED25519);
        client.get("/v2/wallets/mpc/cobo_key_share_holders").then().statusCode(200);
        TssSupport.awaitKnown(client, NODES);
        String vault = createVault(client);
        String main = createGroup(client, vault, "MainGroup", 2, NODES);

        String keyGen = client.post(requestsPath(vault), "{\"type\":\"KeyGen\",\"target_key_share_holder_group_id\":\""
                + main + "\"}").then().statusCode(201).extract().path("tss_request_id");
        TssSupport.awaitRequestStatus(client, vault, keyGen, "Success");

        JsonPath v = client.get("/v2/wallets/mpc/vaults/" + vault).then().statusCode(200).extract().jsonPath();
        List<Map<String, String>> roots = v.getList("root_pubkeys");
        assertEquals(2, roots.size(), roots.toString());
        String xpub = null;
        String cpub = null;
        for (Map<String, String> r : roots) {
            if (r.get("curve").equals("SECP256K1")) {
                xpub = r.get("root_pubkey");
            } else {
                cpub = r.get("root_pubkey");
            }
        }
        assertTrue(xpub.startsWith("xpub"));
        ExtendedPublicKey.parse(xpub);
        Ed25519ExtendedPublicKey.parse(cpub);
        client.get(TssSupport.groupsPath(vault) + "/" + main).then().statusCode(200)
                .body("status", equalTo("Valid"))
                .body("tss_key_share_groups.size()", equalTo(2));

        String signing = createGroup(client, vault, "SigningGroup", 2, List.of("tss-node-1", "tss-node-2"));
        moveKeys(client, vault, "KeyGenFromKeyGroup", main, signing, ",\"tss_node_ids\":[\"tss-node-0\",\"tss-node-1\"]");
        JsonPath g = client.get(TssSupport.groupsPath(vault) + "/" + signing).then().statusCode(200)
                .body("status", equalTo("Valid")).extract().jsonPath();
        List<String> reshared = g.getList("tss_key_share_groups.root_pubkey");
        assertTrue(reshared.contains(xpub) && reshared.contains(cpub), "the same root keys: " + reshared);

        // Soft key recovery: the keys go to a Recovery Group, then Recovery brings them to a new 2-of-3 Main Group.
        String recovery = createGroup(client, vault, "RecoveryGroup", 2, List.of("tss-node-0", "tss-node-2"));
        moveKeys(client, vault, "KeyGenFromKeyGroup", signing, recovery, "");
        String newMain = createGroup(client, vault, "MainGroup", 2, NODES);
        moveKeys(client, vault, "Recovery", recovery, newMain, "");
        List<String> restored = client.get(TssSupport.groupsPath(vault) + "/" + newMain).then().statusCode(200)
                .body("status", equalTo("Valid")).body("type", equalTo("MainGroup"))
                .extract().jsonPath().getList("tss_key_share_groups.root_pubkey");
        assertTrue(restored.contains(xpub) && restored.contains(cpub), "the same root keys: " + restored);
        client.get(TssSupport.groupsPath(vault) + "/" + recovery).then().body("status", equalTo("Unavailable"));
        client.get("/v2/wallets/mpc/vaults/" + vault).then().body("root_pubkeys.root_pubkey", hasItems(xpub, cpub));
    }

    /** A reshare request ({@code KeyGenFromKeyGroup} or {@code Recovery}) from one group to another, run to Success. */
    private static void moveKeys(SignedClient client, String vault, String type, String source, String target,
                                 String sourceExtra) {
        String id = client.post(requestsPath(vault), "{\"type\":\"" + type + "\",\"target_key_share_holder_group_id\":\""
                + target + "\",\"source_key_share_holder_group\":{\"key_share_holder_group_id\":\"" + source + "\""
                + sourceExtra + "}}").then().statusCode(201).extract().path("tss_request_id");
        TssSupport.awaitRequestStatus(client, vault, id, "Success");
    }
}
