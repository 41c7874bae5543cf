package io.openwaas.wallet;

import com.fasterxml.jackson.databind.JsonNode;
import io.openwaas.platform.auth.CurveType;
import io.openwaas.platform.events.CloudEventHeaders;
import io.openwaas.platform.events.EventType;
import io.openwaas.platform.events.tss.TssRequest;
import io.openwaas.platform.events.tss.TssRequestType;
import io.openwaas.platform.events.tss.TssResult;
import io.openwaas.testkit.auth.SignedClient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.UUID;

import static io.openwaas.wallet.TssSupport.awaitRequestStatus;
import static io.openwaas.wallet.TssSupport.confirmed;
import static io.openwaas.wallet.TssSupport.createGroup;
import static io.openwaas.wallet.TssSupport.createVault;
import static io.openwaas.wallet.TssSupport.groupsPath;
import static io.openwaas.wallet.TssSupport.keys;
import static io.openwaas.wallet.TssSupport.report;
import static io.openwaas.wallet.TssSupport.requestsPath;
import static io.openwaas.wallet.TssSupport.succeeded;
import static io.openwaas.wallet.TssSupport.tssRequestStatus;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * TSS requests against the event contract: the command wallet-service writes on tss.requests, and what the nodes'
 * reports on tss.results do to the request, the group and the vault.
 */
@QuarkusTest
class TssRequestApiTest {

    private static final TssRequestType KEY_GEN = TssRequestType.KEY_GEN;
    private static final TssRequestType RESHARE = TssRequestType.KEY_RESHARE;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    /** A vault with a New 2-of-3 Main Group on fresh nodes. */
    record Setup(SignedClient client, String vault, String group, List<String> nodes) {
    }

    private Setup setup(String prefix) {
        SignedClient client = Fixtures.newOrganization(CurveType.ED25519);
        List<String> nodes = TssSupport.nodeIds(prefix, 3);
        TssSupport.announceOnline(client, nodes);
        String vault = createVault(client);
        String group = createGroup(client, vault, "MainGroup", 2, nodes);
        return new Setup(client, vault, group, nodes);
    }

    private static String keyGen(Setup s, String description) {
        Response r = s.client().post(requestsPath(s.vault()), "{\"type\":\"KeyGen\",\"target_key_share_holder_group_id\":\""
                + s.group() + "\"" + (description == null ? "" : ",\"description\":\"" + description + "\"") + "}");
        assertEquals(201, r.statusCode(), r.asString());
        return r.jsonPath().getString("tss_request_id");
    }

    @Test
    void keyGenSendsOneCommandAndTheNodesReportsMakeTheKeys() throws Exception {
        Setup s = setup("kg");
        Response created = s.client().post(requestsPath(s.vault()), "{\"type\":\"KeyGen\","
                + "\"target_key_share_holder_group_id\":\"" + s.group() + "\",\"description\":\"first keys\"}");
        created.then().statusCode(201)
                .body("tss_request_id", matchesPattern("[0-9]{32}"))
                .body("type", equalTo("KeyGen"))
                .body("status", equalTo("PendingKeyHolderConfirmation"))
                .body("target_key_share_holder_group_id", equalTo(s.group()))
                .body("source_key_share_holder_group", nullValue())
                .body("description", equalTo("first keys"))
                .body("created_timestamp", notNullValue());
        String id = created.jsonPath().getString("tss_request_id");

        // Exactly one command, with the CloudEvents attributes and the contract's content.
        List<ConsumerRecord<String, String>> commands = TssSupport.commands(r -> id.equals(r.key()));
        assertEquals(1, commands.size(), "one command on tss.requests");
        ConsumerRecord<String, String> record = commands.get(0);
        assertEquals(EventType.TSS_REQUEST_SUBMITTED, CloudEventHeaders.get(record.headers(), CloudEventHeaders.TYPE));
        assertEquals("/wallet-service", CloudEventHeaders.get(record.headers(), CloudEventHeaders.SOURCE));
        assertEquals(id, CloudEventHeaders.get(record.headers(), CloudEventHeaders.SUBJECT));
        assertEquals(Fixtures.orgIdOf(s.client()), CloudEventHeaders.get(record.headers(), CloudEventHeaders.ORG_ID));
        TssRequest command = TssSupport.MAPPER.readValue(record.value(), TssRequest.class);
        assertEquals(id, command.requestId());
        assertEquals(KEY_GEN, command.type());
        assertEquals(Fixtures.orgIdOf(s.client()), command.orgId());
        assertNull(command.keySign());
        assertNull(command.keyReshare());
        assertEquals(new TssRequest.KeyGen(s.group(), 2, s.nodes(),
                List.of(io.openwaas.platform.events.tss.TssCurve.SECP256K1, io.openwaas.platform.events.tss.TssCurve.ED25519)),
                command.keyGen());
        JsonNode json = TssSupport.MAPPER.readTree(record.value());
        assertEquals("KeyGen", json.get("type").asText());
        assertEquals(s.group(), json.get("key_gen").get("group_id").asText());

        // Two confirmations are not all: still pending. The third: generating.
        report(confirmed(id, KEY_GEN, s.nodes().get(0)));
        report(confirmed(id, KEY_GEN, s.nodes().get(1)));
        // A node that is not a holder is ignored.
        report(TssSupport.rejected(id, KEY_GEN, "stranger-node", "who am I"));
        report(confirmed(id, KEY_GEN, s.nodes().get(2)));
        awaitRequestStatus(s.client(), s.vault(), id, "KeyGenerating");

        List<TssResult.Key> keys = keys(s.group(), 2, s.nodes(), "good" + id);
        report(succeeded(id, KEY_GEN, s.nodes().get(0), keys));
        report(succeeded(id, KEY_GEN, s.nodes().get(1), keys));
        Thread.sleep(500);
        assertEquals("KeyGenerating", tssRequestStatus(s.client(), s.vault(), id), "two of three holders are not all");
        s.client().get(groupsPath(s.vault()) + "/" + s.group()).then().body("status", equalTo("New"));
        report(succeeded(id, KEY_GEN, s.nodes().get(2), keys));
        awaitRequestStatus(s.client(), s.vault(), id, "Success");

        s.client().get(groupsPath(s.vault()) + "/" + s.group()).then().statusCode(200)
                .body("status", equalTo("Valid"))
                .body("tss_key_share_groups", hasSize(2))
                .body("tss_key_share_groups[0].curve", equalTo("SECP256K1"))
                .body("tss_key_share_groups[0].root_pubkey", equalTo(keys.get(0).rootPubkey()))
                .body("tss_key_share_groups[0].tss_key_share_group_id", equalTo(keys.get(0).keyId()))
                .body("tss_key_share_groups[1].curve", equalTo("ED25519"))
                .body("tss_key_share_groups[1].root_pubkey", equalTo(keys.get(1).rootPubkey()))
                .body("key_share_holders[0].status", equalTo("Valid"));
        s.client().get("/v2/wallets/mpc/vaults/" + s.vault()).then().statusCode(200)
                .body("root_pubkeys", hasSize(2))
                .body("root_pubkeys[0].curve", equalTo("SECP256K1"))
                .body("root_pubkeys[0].root_pubkey", equalTo(keys.get(0).rootPubkey()))
                .body("root_pubkeys[1].curve", equalTo("ED25519"))
                .body("root_pubkeys[1].root_pubkey", equalTo(keys.get(1).rootPubkey()));
        s.client().get("/v2/wallets/mpc/vaults?vault_type=Org-Controlled").then()
                .body("data[0].root_pubkeys", hasSize(2));

        // The listing by group, and a late report after success changes nothing.
        s.client().get(requestsPath(s.vault()) + "?key_share_holder_group_id=" + s.group()).then().statusCode(200)
                .body("data.tss_request_id", equalTo(List.of(id))).body("pagination.total_count", equalTo(1));
        report(TssSupport.failed(id, KEY_GEN, s.nodes().get(0), "late"));
        Thread.sleep(300);
        assertEquals("Success", tssRequestStatus(s.client(), s.vault(), id));

        // Keys exist: no second KeyGen; the Valid Main Group cannot be deleted.
        s.client().post(requestsPath(s.vault()), "{\"type\":\"KeyGen\",\"target_key_share_holder_group_id\":\""
                + s.group() + "\"}").then().statusCode(400).body("error_code", equalTo(2029));
        s.client().post(groupsPath(s.vault()) + "/" + s.group() + "/delete", null).then().statusCode(400)
                .body("error_message", containsString("holds the keys the vault needs"));
    }

    @Test
    void aRejectionEndsTheRequestAndTheGroupCanTryAgain() {
        Setup s = setup("rj");
        String id = keyGen(s, null);
        report(confirmed(id, KEY_GEN, s.nodes().get(0)));
        report(TssSupport.rejected(id, KEY_GEN, s.nodes().get(1), "callback said no"));
        awaitRequestStatus(s.client(), s.vault(), id, "KeyHolderConfirmationFailed");
        s.client().get(groupsPath(s.vault()) + "/" + s.group()).then().body("status", equalTo("New"));
        assertEquals("callback said no", failureReason(id).substring(failureReason(id).indexOf(": ") + 2));
        // A new attempt is a new request.
        String again = keyGen(s, null);
        assertNotEquals(id, again);
    }

    @Test
    void aDuplicateEventHasNoSecondEffect() throws Exception {
        Setup s = setup("dup");
        String id = keyGen(s, null);
        List<TssResult.Key> keys = keys(s.group(), 2, s.nodes(), "dup" + id);
        String eventId = UUID.randomUUID().toString();
        TssSupport.report(eventId, confirmed(id, KEY_GEN, s.nodes().get(0)));
        TssSupport.report(eventId, confirmed(id, KEY_GEN, s.nodes().get(0)));
        // The same event id again, now carrying a failure: already processed, so it is dropped.
        TssSupport.report(eventId, TssSupport.failed(id, KEY_GEN, s.nodes().get(0), "must be ignored"));
        for (String node : s.nodes()) {
            report(succeeded(id, KEY_GEN, node, keys));
        }
        awaitRequestStatus(s.client(), s.vault(), id, "Success");
        assertEquals(1, count("SELECT count(*) FROM inbox_event WHERE event_id = '" + eventId + "'"));
        assertNull(failureReason(id));
    }

    @Test
    void disagreeingKeysFailTheRequest() {
        Setup s = setup("mm");
        String id = keyGen(s, null);
        report(succeeded(id, KEY_GEN, s.nodes().get(0), keys(s.group(), 2, s.nodes(), "one" + id)));
        report(succeeded(id, KEY_GEN, s.nodes().get(1), keys(s.group(), 2, s.nodes(), "one" + id)));
        report(succeeded(id, KEY_GEN, s.nodes().get(2), keys(s.group(), 2, s.nodes(), "two" + id)));
        awaitRequestStatus(s.client(), s.vault(), id, "KeyGeneratingFailed");
        s.client().get(groupsPath(s.vault()) + "/" + s.group()).then().body("status", equalTo("New"))
                .body("tss_key_share_groups", nullValue());
        s.client().get("/v2/wallets/mpc/vaults/" + s.vault()).then().body("root_pubkeys", hasSize(0));
        assertEquals("nodes " + s.nodes().get(0) + " and " + s.nodes().get(2) + " reported different keys", failureReason(id));
    }

    @Test
    void aFailureReportFailsTheRequest() {
        Setup s = setup("fl");
        String id = keyGen(s, null);
        for (String node : s.nodes()) {
            report(confirmed(id, KEY_GEN, node));
        }
        awaitRequestStatus(s.client(), s.vault(), id, "KeyGenerating");
        report(TssSupport.failed(id, KEY_GEN, s.nodes().get(1), "protocol aborted in round 2"));
        awaitRequestStatus(s.client(), s.vault(), id, "KeyGeneratingFailed");
        assertEquals("node " + s.nodes().get(1) + " failed: protocol aborted in round 2", failureReason(id));
    }

    @Test
    void aRepeatedCreateIsRefusedAndCancelEndsAPendingRequest() throws Exception {
        Setup s = setup("rp");
        String id = keyGen(s, "once");
        s.client().post(requestsPath(s.vault()), "{\"type\":\"KeyGen\",\"target_key_share_holder_group_id\":\""
                        + s.group() + "\",\"description\":\"once\"}").then().statusCode(400)
                .body("error_code", equalTo(2029))
                .body("error_message", containsString("TSS request " + id));
        List<ConsumerRecord<String, String>> commands = TssSupport.commands(r -> r.value().contains(s.group()));
        assertEquals(1, commands.size(), "never a second protocol run");
        assertEquals(1, count("SELECT count(*) FROM tss_request WHERE target_group_id = '" + s.group() + "'"));

        s.client().post(requestsPath(s.vault()) + "/" + id + "/cancel", null).then().statusCode(201)
                .body("tss_request_id", equalTo(id)).body("status", equalTo("KeyHolderConfirmationFailed"));
        s.client().post(requestsPath(s.vault()) + "/" + id + "/cancel", null).then().statusCode(400)
                .body("error_code", equalTo(2029));
        // Reports on a cancelled request are ignored.
        for (String node : s.nodes()) {
            report(confirmed(id, KEY_GEN, node));
        }
        String next = keyGen(s, null);
        for (String node : s.nodes()) {
            report(confirmed(next, KEY_GEN, node));
        }
        awaitRequestStatus(s.client(), s.vault(), next, "KeyGenerating");
        assertEquals("KeyHolderConfirmationFailed", tssRequestStatus(s.client(), s.vault(), id));
        s.client().get(requestsPath(s.vault()) + "?key_share_holder_group_id=" + s.group() + "&limit=1").then()
                .body("data.tss_request_id", equalTo(List.of(id))).body("pagination.total_count", equalTo(2));
        // Not pending any more: cannot be cancelled.
        s.client().post(requestsPath(s.vault()) + "/" + next + "/cancel", null).then().statusCode(400);
    }

    @Test
    void badRequestsAre400OrNotFoundAndSendNothing() {
        Setup s = setup("bad");
        SignedClient other = Fixtures.newOrganization(CurveType.ED25519);
        String path = requestsPath(s.vault());
        String target = "\"target_key_share_holder_group_id\":\"" + s.group() + "\"";
        s.client().post(path, "{\"type\":\"Recovery\"," + target + "}").then().statusCode(400)
                .body("error_message", containsString("source_key_share_holder_group"));
        s.client().post(path, "{\"type\":\"Sign\"," + target + "}").then().statusCode(400);
        s.client().post(path, "{\"type\":\"KeyGen\"}").then().statusCode(400);
        s.client().post(path, "{" + target + "}").then().statusCode(400);
        s.client().post(path, "{\"type\":\"KeyGen\",\"target_key_share_holder_group_id\":\"" + UUID.randomUUID() + "\"}")
                .then().statusCode(404);
        s.client().post(path, "{\"type\":\"KeyGen\"," + target + ",\"source_key_share_holder_group\":"
                + "{\"key_share_holder_group_id\":\"" + s.group() + "\"}}").then().statusCode(400);
        String signing = createGroup(s.client(), s.vault(), "SigningGroup", 2, s.nodes().subList(0, 2));
        s.client().post(path, "{\"type\":\"KeyGen\",\"target_key_share_holder_group_id\":\"" + signing + "\"}")
                .then().statusCode(400).body("error_message", containsString("Main Group"));
        // Copying from a group without keys.
        s.client().post(path, "{\"type\":\"KeyGenFromKeyGroup\",\"target_key_share_holder_group_id\":\"" + signing
                + "\",\"source_key_share_holder_group\":{\"key_share_holder_group_id\":\"" + s.group() + "\"}}")
                .then().statusCode(400).body("error_message", containsString("must be Valid"));
        s.client().post(path, "{\"type\":\"KeyGenFromKeyGroup\",\"target_key_share_holder_group_id\":\"" + signing
                + "\"}").then().statusCode(400).body("error_code", equalTo(2003));
        other.post(path, "{\"type\":\"KeyGen\"," + target + "}").then().statusCode(404);
        other.get(path + "?key_share_holder_group_id=" + s.group()).then().statusCode(404);
        s.client().get(path).then().statusCode(400).body("error_code", equalTo(2003));
        s.client().get(path + "/12345").then().statusCode(404);

        s.client().get(path + "?key_share_holder_group_id=" + s.group()).then().statusCode(200)
                .body("pagination.total_count", equalTo(0));
        assertEquals(0, TssSupport.readAll(r -> r.value().contains(s.group())).size(), "nothing sent to the nodes");

        String id = keyGen(s, null);
        other.get(path + "/" + id).then().statusCode(404);
        other.post(path + "/" + id + "/cancel", null).then().statusCode(404);
        s.client().get(path + "/" + id).then().statusCode(200);
    }

    /** Every holder reports the same keys for the KeyGen request {@code id}; returns them once it is Success. */
    private static List<TssResult.Key> keyGenSucceeds(Setup s, String id) throws Exception {
        List<TssResult.Key> keys = keys(s.group(), 2, s.nodes(), "root" + id);
        for (String node : s.nodes()) {
            report(succeeded(id, KEY_GEN, node, keys));
        }
        awaitRequestStatus(s.client(), s.vault(), id, "Success");
        return keys;
    }

    @Test
    void keyGenFromKeyGroupMovesTheKeysToASigningGroupWhichCanBecomeTheMainGroup() throws Exception {
        Setup s = setup("rs");
        String id = keyGen(s, null);
        List<TssResult.Key> keys = keyGenSucceeds(s, id);

        List<String> newNodes = List.of(s.nodes().get(1), s.nodes().get(2));
        String signing = createGroup(s.client(), s.vault(), "SigningGroup", 2, newNodes);
        String path = requestsPath(s.vault());
        s.client().post(path, "{\"type\":\"KeyGenFromKeyGroup\",\"target_key_share_holder_group_id\":\"" + signing
                + "\",\"source_key_share_holder_group\":{\"key_share_holder_group_id\":\"" + s.group()
                + "\",\"tss_node_ids\":[\"" + s.nodes().get(0) + "\"]}}").then().statusCode(400)
                .body("error_message", containsString("threshold"));
        s.client().post(path, "{\"type\":\"KeyGenFromKeyGroup\",\"target_key_share_holder_group_id\":\"" + signing
                + "\",\"source_key_share_holder_group\":{\"key_share_holder_group_id\":\"" + s.group()
                + "\",\"tss_node_ids\":[\"" + s.nodes().get(0) + "\",\"elsewhere\"]}}").then().statusCode(400)
                .body("error_message", containsString("'elsewhere' is not a holder of the source group"));
        Response created = s.client().post(path, "{\"type\":\"KeyGenFromKeyGroup\",\"target_key_share_holder_group_id\":\""
                + signing + "\",\"source_key_share_holder_group\":{\"key_share_holder_group_id\":\"" + s.group()
                + "\",\"tss_node_ids\":[\"" + s.nodes().get(0) + "\",\"" + s.nodes().get(2) + "\"]}}");
        created.then().statusCode(201).body("type", equalTo("KeyGenFromKeyGroup"))
                .body("source_key_share_holder_group.key_share_holder_group_id", equalTo(s.group()))
                .body("source_key_share_holder_group.tss_node_ids", equalTo(List.of(s.nodes().get(0), s.nodes().get(2))))
                .body("target_key_share_holder_group_id", equalTo(signing));
        String reshare = created.jsonPath().getString("tss_request_id");

        List<ConsumerRecord<String, String>> commands = TssSupport.commands(r -> reshare.equals(r.key()));
        assertEquals(1, commands.size());
        TssRequest command = TssSupport.MAPPER.readValue(commands.get(0).value(), TssRequest.class);
        assertEquals(RESHARE, command.type());
        assertNull(command.keyGen());
        assertEquals(new TssRequest.KeyReshare(s.group(), signing,
                List.of(keys.get(0).rootPubkey(), keys.get(1).rootPubkey()), 2,
                List.of(s.nodes().get(0), s.nodes().get(2)), 2, newNodes), command.keyReshare());

        // Every old holder takes part (the nodes move the keys); the one leaving holds no keys afterwards.
        for (String node : s.nodes()) {
            report(confirmed(reshare, RESHARE, node));
        }
        awaitRequestStatus(s.client(), s.vault(), reshare, "KeyGenerating");
        List<TssResult.Key> moved = keys(signing, 2, newNodes, "root" + id);
        report(succeeded(reshare, RESHARE, s.nodes().get(0), List.of()));
        for (String node : newNodes) {
            report(succeeded(reshare, RESHARE, node, moved));
        }
        awaitRequestStatus(s.client(), s.vault(), reshare, "Success");
        s.client().get(groupsPath(s.vault()) + "/" + signing).then().body("status", equalTo("Valid"))
                .body("type", equalTo("SigningGroup"))
                .body("tss_key_share_groups", hasSize(2))
                .body("tss_key_share_groups[0].root_pubkey", equalTo(keys.get(0).rootPubkey()))
                .body("tss_key_share_groups[0].tss_key_share_group_id", equalTo(moved.get(0).keyId()));
        // The keys moved: the old Main Group's shares are gone.
        s.client().get(groupsPath(s.vault()) + "/" + s.group()).then().body("type", equalTo("MainGroup"))
                .body("status", equalTo("Unavailable"))
                .body("key_share_holders[0].status", equalTo("Changed"));
        s.client().put(groupsPath(s.vault()) + "/" + s.group(), "{\"update_key_share_holder_group_action\":"
                + "\"UpgradeToMainGroup\"}").then().statusCode(400);

        // Upgrade: the Signing Group that holds the keys becomes the Main Group.
        s.client().put(groupsPath(s.vault()) + "/" + signing, "{\"update_key_share_holder_group_action\":"
                + "\"UpgradeToMainGroup\",\"original_main_group_handling\":\"ConvertToSigningGroup\"}")
                .then().statusCode(200).body("type", equalTo("MainGroup")).body("status", equalTo("Valid"))
                .body("key_share_holders.tss_node_id", equalTo(newNodes));
        s.client().get(groupsPath(s.vault()) + "?key_share_holder_group_type=MainGroup").then()
                .body("pagination.total_count", equalTo(2));
        s.client().post(groupsPath(s.vault()), TssSupport.groupBody("MainGroup", 2, 2, newNodes)).then()
                .statusCode(400).body("error_message", containsString("already has a Main Group (" + signing));
        // The unavailable one can go; the Valid one holds the vault's keys and cannot.
        s.client().post(groupsPath(s.vault()) + "/" + s.group() + "/delete", null).then().statusCode(201);
        s.client().post(groupsPath(s.vault()) + "/" + signing + "/delete", null).then().statusCode(400)
                .body("error_message", containsString("holds the keys the vault needs"));
        s.client().get("/v2/wallets/mpc/vaults/" + s.vault()).then().body("root_pubkeys", hasSize(2))
                .body("root_pubkeys[0].root_pubkey", equalTo(keys.get(0).rootPubkey()));
    }

    @Test
    void recoveryRestoresTheKeysFromARecoveryGroupIntoANewMainGroup() throws Exception {
        Setup s = setup("rc");
        String id = keyGen(s, null);
        List<TssResult.Key> keys = keyGenSucceeds(s, id);
        String path = requestsPath(s.vault());

        // Recovery restores from a Recovery Group only.
        String signing = createGroup(s.client(), s.vault(), "SigningGroup", 2, s.nodes().subList(1, 3));
        s.client().post(path, "{\"type\":\"Recovery\",\"target_key_share_holder_group_id\":\"" + signing
                + "\",\"source_key_share_holder_group\":{\"key_share_holder_group_id\":\"" + s.group() + "\"}}")
                .then().statusCode(400).body("error_message", containsString("Recovery Group"));

        // The keys go to the Recovery Group (KeyGenFromKeyGroup); the Main Group is then Unavailable.
        List<String> keepers = s.nodes().subList(1, 3);
        String recovery = createGroup(s.client(), s.vault(), "RecoveryGroup", 2, keepers);
        String toRecovery = s.client().post(path, "{\"type\":\"KeyGenFromKeyGroup\",\"target_key_share_holder_group_id\":\""
                + recovery + "\",\"source_key_share_holder_group\":{\"key_share_holder_group_id\":\"" + s.group() + "\"}}")
                .then().statusCode(201).extract().path("tss_request_id");
        List<TssResult.Key> kept = keys(recovery, 2, keepers, "root" + id);
        report(succeeded(toRecovery, RESHARE, s.nodes().get(0), List.of()));
        for (String node : keepers) {
            report(succeeded(toRecovery, RESHARE, node, kept));
        }
        awaitRequestStatus(s.client(), s.vault(), toRecovery, "Success");
        s.client().get(groupsPath(s.vault()) + "/" + s.group()).then().body("status", equalTo("Unavailable"));

        // A new Main Group on all three nodes gets the keys back with Recovery.
        String main = createGroup(s.client(), s.vault(), "MainGroup", 2, s.nodes());
        Response created = s.client().post(path, "{\"type\":\"Recovery\",\"target_key_share_holder_group_id\":\""
                + main + "\",\"source_key_share_holder_group\":{\"key_share_holder_group_id\":\"" + recovery
                + "\"},\"description\":\"node 0 lost its share\"}");
        created.then().statusCode(201).body("type", equalTo("Recovery"))
                .body("status", equalTo("PendingKeyHolderConfirmation"))
                .body("source_key_share_holder_group.key_share_holder_group_id", equalTo(recovery))
                .body("source_key_share_holder_group.tss_node_ids", equalTo(keepers))
                .body("target_key_share_holder_group_id", equalTo(main));
        String restore = created.jsonPath().getString("tss_request_id");
        List<ConsumerRecord<String, String>> commands = TssSupport.commands(r -> restore.equals(r.key()));
        assertEquals(1, commands.size());
        TssRequest command = TssSupport.MAPPER.readValue(commands.get(0).value(), TssRequest.class);
        assertEquals(RESHARE, command.type());
        assertEquals(new TssRequest.KeyReshare(recovery, main,
                List.of(keys.get(0).rootPubkey(), keys.get(1).rootPubkey()), 2, keepers, 2, s.nodes()),
                command.keyReshare());

        List<TssResult.Key> restored = keys(main, 2, s.nodes(), "root" + id);
        for (String node : s.nodes()) {
            report(succeeded(restore, RESHARE, node, restored));
        }
        awaitRequestStatus(s.client(), s.vault(), restore, "Success");
        s.client().get(groupsPath(s.vault()) + "/" + main).then().body("status", equalTo("Valid"))
                .body("type", equalTo("MainGroup"))
                .body("tss_key_share_groups", hasSize(2))
                .body("tss_key_share_groups[0].root_pubkey", equalTo(keys.get(0).rootPubkey()));
        s.client().get(groupsPath(s.vault()) + "/" + recovery).then().body("status", equalTo("Unavailable"));
        s.client().get(path + "?key_share_holder_group_id=" + main).then().statusCode(200)
                .body("data[0].type", equalTo("Recovery"));
    }

    @Test
    void concurrentCreatesStartOneRun() throws Exception {
        Setup s = setup("cc");
        String body = "{\"type\":\"KeyGen\",\"target_key_share_holder_group_id\":\"" + s.group() + "\"}";
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<Integer>> calls = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                calls.add(pool.submit(() -> s.client().post(requestsPath(s.vault()), body).statusCode()));
            }
            List<Integer> statuses = new java.util.ArrayList<>();
            for (var c : calls) {
                statuses.add(c.get());
            }
            statuses.sort(null);
            assertEquals(List.of(201, 400, 400, 400), statuses);
        } finally {
            pool.shutdown();
        }
        assertEquals(1, TssSupport.commands(r -> r.value().contains(s.group())).size(), "one command");
    }

    @Test
    void malformedRecordsDoNotStopTheConsumerAndBareRecordsAreRead() {
        Setup s = setup("mf");
        String id = keyGen(s, null);
        String node = s.nodes().get(2);
        TssSupport.sendBare(io.openwaas.platform.events.Topics.TSS_RESULTS, id, "{not json", node);
        TssSupport.sendBare(io.openwaas.platform.events.Topics.TSS_RESULTS, id, "[]", node);
        // No CloudEvents headers (signed by the node): the report is still applied (its idempotency key is request,
        // node and status).
        TssSupport.sendBare(io.openwaas.platform.events.Topics.TSS_RESULTS, id, "{\"request_id\":\"" + id
                + "\",\"type\":\"KeyGen\",\"node_id\":\"" + node + "\",\"status\":\"Rejected\","
                + "\"error\":\"no\",\"timestamp\":1}", node);
        awaitRequestStatus(s.client(), s.vault(), id, "KeyHolderConfirmationFailed");
        assertEquals("node " + s.nodes().get(2) + " rejected: no", failureReason(id));
    }

    private String failureReason(String requestId) {
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
             PreparedStatement st = c.prepareStatement("SELECT failure_reason FROM tss_request WHERE id = ?")) {
            st.setString(1, requestId);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private int count(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
             PreparedStatement st = c.prepareStatement(sql);
             ResultSet rs = st.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
