package io.openwaas.tss.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.openwaas.platform.events.tss.TssCurve;
import io.openwaas.platform.events.tss.TssRequest;
import io.openwaas.platform.events.tss.TssRequestType;
import io.openwaas.platform.events.tss.TssResult;
import io.openwaas.platform.events.tss.TssResultStatus;
import io.openwaas.platform.events.tss.TssSignatureType;
import io.openwaas.testkit.process.ServiceProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static io.openwaas.tss.it.TssCluster.MAPPER;
import static io.openwaas.tss.it.TssCluster.nodeId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 11 §3 against three real node processes: the request intake survives a database outage, a node killed with
 * SIGKILL in the middle of a key generation or a reshare settles the request when it comes back (no request stays
 * Running, keys are not moved by a reshare that did not complete), a reshare interrupted between storing the new share
 * and switching to it is settled from the other holders' reports, and a {@code Cancel} stops key generation and
 * resharing without storing or moving anything.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IntakeRecoveryIT {

    private static final List<String> ALL = List.of(nodeId(0), nodeId(1), nodeId(2));
    private static final List<String> PAIR01 = List.of(nodeId(0), nodeId(1));
    private static final Duration READY = Duration.ofSeconds(120);

    private TssCluster cluster;
    private ClusterDriver driver;

    @BeforeAll
    void up() throws Exception {
        cluster = new TssCluster();
        driver = new ClusterDriver(cluster);
    }

    @AfterAll
    void down() {
        if (cluster != null) {
            cluster.close();
        }
    }

    private Connection db(int node) throws SQLException {
        return DriverManager.getConnection(cluster.postgres.jdbcUrl("tss_node_" + node), "postgres", "postgres");
    }

    private void sql(int node, String statement) throws SQLException {
        try (Connection c = db(node); Statement st = c.createStatement()) {
            st.execute(statement);
        }
    }

    private int count(int node, String query) throws SQLException {
        try (Connection c = db(node); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(query)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private int unfinished(int node) throws SQLException {
        return count(node, "SELECT count(*) FROM tss_request WHERE status IN ('Running', 'Confirmed', 'AwaitingSwitch')");
    }

    /** key id → status of the node's shares of a root key. */
    private Map<String, String> shares(int node, String root) throws Exception {
        Map<String, String> out = new HashMap<>();
        for (JsonNode k : MAPPER.readTree(cluster.nodes.get(node).get("/admin/keys"))) {
            if (k.get("root_pubkey").asText().equals(root)) {
                out.put(k.get("key_id").asText(), k.get("status").asText());
            }
        }
        return out;
    }

    private TssRequest reshareRequest(Map<TssCurve, TssResult.Key> keys, List<String> dealers, List<String> newHolders) {
        List<String> roots = List.of(keys.get(TssCurve.SECP256K1).rootPubkey(), keys.get(TssCurve.ED25519).rootPubkey());
        return new TssRequest(ClusterDriver.requestId(), TssRequestType.KEY_RESHARE, "org-it", null,
                System.currentTimeMillis(), null, null, null,
                new TssRequest.KeyReshare(keys.get(TssCurve.SECP256K1).groupId(), "group-" + ClusterDriver.requestId(),
                        roots, 2, dealers, 2, newHolders));
    }

    private void restart(ServiceProcess node) throws Exception {
        node.restart().awaitReady(READY);
    }

    /** Signs with the pair under each curve's key: the shares the pair holds are a working sharing of the key. */
    private void signsWith(Map<TssCurve, TssResult.Key> keys, List<String> pair) throws Exception {
        driver.signAndVerify(keys.get(TssCurve.SECP256K1), TssSignatureType.ECDSA, pair);
        driver.signAndVerify(keys.get(TssCurve.ED25519), TssSignatureType.EDDSA, pair);
    }

    /**
     * Attacks: the intake committed the offset of a record whose claim failed, so a database error dropped the
     * request at that node for good. Node 2's request table is away (renamed) while a key generation arrives; it comes
     * back within the peers' session timeout, and node 2 takes the request and the key generation succeeds everywhere.
     */
    @Test
    @Order(1)
    void aDatabaseOutageDuringIntakeDelaysTheRequestAndNeverDropsIt() throws Exception {
        sql(2, "ALTER TABLE tss_request RENAME TO tss_request_away");
        TssRequest request = driver.keyGenRequest(ALL, 2);
        try {
            cluster.submit(request);
            driver.awaitReport(request.requestId(), nodeId(0), TssResultStatus.CONFIRMED);
            Thread.sleep(2500); // node 2 tries to claim and fails meanwhile
        } finally {
            sql(2, "ALTER TABLE tss_request_away RENAME TO tss_request");
        }
        Map<String, TssResult> reports = driver.awaitTerminal(request.requestId(), ALL);
        for (String n : ALL) {
            assertEquals(TssResultStatus.SUCCEEDED, reports.get(n).status(), n + ": " + reports.get(n).error());
        }
        assertEquals(1, count(2, "SELECT count(*) FROM tss_request WHERE request_id = '" + request.requestId() + "'"));
        assertTrue(Files.readString(cluster.nodes.get(2).log()).contains(" not claimed ("),
                "node 2 did see its claim fail during the outage, and took the record again");
    }

    /**
     * Attacks: a node killed mid-session left its request Running for ever and never reported, so the requester
     * waited for ever. Node 1 is down, so nodes 0 and 2 wait in the key generation; node 2 is killed (SIGKILL) there
     * and restarted: it reports Failed with the reason, nothing stays Running and it stored no share.
     */
    @Test
    @Order(2)
    void aNodeKilledMidKeygenReportsFailedAfterItsRestartAndNothingStaysRunning() throws Exception {
        ServiceProcess node1 = cluster.nodes.get(1);
        ServiceProcess node2 = cluster.nodes.get(2);
        node1.kill();
        TssRequest request = driver.keyGenRequest(ALL, 2);
        try {
            cluster.submit(request);
            driver.awaitReport(request.requestId(), nodeId(2), TssResultStatus.CONFIRMED);
            node2.kill();
            assertEquals(1, unfinished(2), "the killed node left its request unfinished");
            restart(node2);
            TssResult failed = driver.awaitReport(request.requestId(), nodeId(2), TssResultStatus.FAILED);
            assertTrue(failed.error().contains("restarted"), failed.error());
            assertEquals(0, unfinished(2), "no request stays Running");
            assertEquals(0, count(2, "SELECT count(*) FROM key_share WHERE request_id = '" + request.requestId() + "'"));
        } finally {
            restart(node1);
        }
    }

    /**
     * Attacks: a reshare interrupted by a crash could leave a node's shares in between. Node 2 (a new holder) is
     * down, so the reshare of a 2-of-2 key of nodes 0 and 1 to all three waits; node 0 is killed there and restarted:
     * it reports Failed, nothing stays Running, and the keys did not move — nodes 0 and 1 still hold exactly their
     * old ACTIVE shares, which still sign, and nobody keeps a PENDING share.
     */
    @Test
    @Order(3)
    void aNodeKilledMidReshareKeepsTheOldKeysAndSettlesTheRequest() throws Exception {
        Map<TssCurve, TssResult.Key> keys = driver.keygen(driver.keyGenRequest(PAIR01, 2));
        ServiceProcess node0 = cluster.nodes.get(0);
        ServiceProcess node2 = cluster.nodes.get(2);
        node2.kill();
        TssRequest reshare = reshareRequest(keys, PAIR01, ALL);
        try {
            cluster.submit(reshare);
            driver.awaitReport(reshare.requestId(), nodeId(0), TssResultStatus.CONFIRMED);
            node0.kill();
            restart(node0);
            TssResult failed = driver.awaitReport(reshare.requestId(), nodeId(0), TssResultStatus.FAILED);
            assertTrue(failed.error().contains("restarted"), failed.error());
            driver.awaitReport(reshare.requestId(), nodeId(1), TssResultStatus.FAILED);
            assertEquals(0, unfinished(0), "no request stays Running");
        } finally {
            restart(node2);
        }
        for (int i = 0; i < 2; i++) {
            for (TssResult.Key k : keys.values()) {
                assertEquals(Map.of(k.keyId(), "ACTIVE"), shares(i, k.rootPubkey()), "old share kept at " + nodeId(i));
            }
        }
        signsWith(keys, PAIR01);
    }

    /**
     * Attacks: a node that died after it stored its new share and confirmed it, but before it switched, kept the old
     * share ACTIVE and the new one PENDING for ever, though the other holders had switched. The state is made exactly:
     * a reshare completes, then node 1's database is put back to that moment (new shares PENDING and confirmed, the
     * old shares ACTIVE again, the request Confirmed) while it is down. Restarted, node 1 reads the others' Succeeded
     * reports, switches, deletes the old shares, reports Succeeded, and signs with the new sharing.
     */
    @Test
    @Order(4)
    void aReshareInterruptedBetweenStoringAndSwitchingIsSettledFromTheOthersReports() throws Exception {
        Map<TssCurve, TssResult.Key> keys = driver.keygen(driver.keyGenRequest(PAIR01, 2));
        List<Map<String, Object>> oldRows = rows(1, "SELECT * FROM key_share WHERE request_id IN (SELECT request_id FROM "
                + "key_share WHERE key_id IN ('" + keys.get(TssCurve.SECP256K1).keyId() + "', '"
                + keys.get(TssCurve.ED25519).keyId() + "'))");
        assertEquals(2, oldRows.size());
        TssRequest reshare = reshareRequest(keys, PAIR01, ALL);
        cluster.submit(reshare);
        Map<String, TssResult> reports = driver.awaitTerminal(reshare.requestId(), ALL);
        for (String n : ALL) {
            assertEquals(TssResultStatus.SUCCEEDED, reports.get(n).status(), n + ": " + reports.get(n).error());
        }
        Map<TssCurve, TssResult.Key> reshared = reports.get(nodeId(1)).keys().stream()
                .collect(Collectors.toMap(TssResult.Key::curve, k -> k));

        ServiceProcess node1 = cluster.nodes.get(1);
        node1.kill();
        sql(1, "UPDATE key_share SET status = 'PENDING' WHERE request_id = '" + reshare.requestId() + "'");
        assertEquals(2, count(1, "SELECT count(*) FROM key_share WHERE request_id = '" + reshare.requestId()
                + "' AND confirmed_at IS NOT NULL"), "the node recorded its confirmations");
        insertRows(1, oldRows);
        sql(1, "UPDATE tss_request SET status = 'Confirmed', result = NULL, error = NULL WHERE request_id = '"
                + reshare.requestId() + "'");
        restart(node1);

        long succeeded = 0;
        long deadline = System.nanoTime() + ClusterDriver.WAIT.toNanos();
        while (succeeded < 2 && System.nanoTime() < deadline) {
            succeeded = cluster.results(reshare.requestId()).stream()
                    .filter(r -> r.nodeId().equals(nodeId(1)) && r.status() == TssResultStatus.SUCCEEDED).count();
            Thread.sleep(100);
        }
        assertEquals(2, succeeded, "node 1 reported Succeeded again after settling");
        assertEquals(0, unfinished(1));
        for (TssResult.Key k : reshared.values()) {
            assertEquals(Map.of(k.keyId(), "ACTIVE"), shares(1, k.rootPubkey()), "switched to the new sharing, old deleted");
        }
        signsWith(reshared, List.of(nodeId(1), nodeId(2)));
    }

    /**
     * Attacks: the nodes were never told of a cancel, so a cancelled key generation went on and stored keys, and a
     * cancelled reshare moved them anyway. With node 2 down both wait for it; a Cancel on tss.requests makes nodes 0
     * and 1 report Cancelled at once (long before their session timeout) and store nothing; the reshare leaves the old
     * shares ACTIVE and no PENDING share. Node 2, back, reads the request and then the Cancel and reports Cancelled too.
     */
    @Test
    @Order(5)
    void aCancelStopsKeyGenerationAndResharingWithoutStoringOrMovingKeys() throws Exception {
        Map<TssCurve, TssResult.Key> keys = driver.keygen(driver.keyGenRequest(PAIR01, 2));
        ServiceProcess node2 = cluster.nodes.get(2);
        node2.kill();
        TssRequest keygen = driver.keyGenRequest(ALL, 2);
        TssRequest reshare = reshareRequest(keys, PAIR01, ALL);
        try {
            for (TssRequest r : List.of(keygen, reshare)) {
                cluster.submit(r);
                for (String n : PAIR01) {
                    driver.awaitReport(r.requestId(), n, TssResultStatus.CONFIRMED);
                }
                long sent = System.currentTimeMillis();
                cluster.submit(TssRequest.cancel(r.requestId(), r.orgId(), sent));
                for (String n : PAIR01) {
                    TssResult c = driver.awaitReport(r.requestId(), n, TssResultStatus.CANCELLED);
                    assertTrue(c.timestamp() - sent < 6000, "stopped by the Cancel, not by the 8 s session timeout");
                    assertEquals(null, c.keys());
                }
                for (int i = 0; i < 2; i++) {
                    assertEquals(0, count(i, "SELECT count(*) FROM key_share WHERE request_id = '" + r.requestId() + "'"),
                            "nothing stored at " + nodeId(i));
                }
            }
        } finally {
            restart(node2);
        }
        driver.awaitReport(reshare.requestId(), nodeId(2), TssResultStatus.CANCELLED);
        for (int i = 0; i < 2; i++) {
            for (TssResult.Key k : keys.values()) {
                assertEquals(Map.of(k.keyId(), "ACTIVE"), shares(i, k.rootPubkey()), "keys not moved at " + nodeId(i));
            }
        }
        signsWith(keys, PAIR01);
    }

    private List<Map<String, Object>> rows(int node, String query) throws SQLException {
        List<Map<String, Object>> out = new ArrayList<>();
        try (Connection c = db(node); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(query)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                Map<String, Object> row = new HashMap<>();
                for (int i = 1; i <= n; i++) {
                    row.put(rs.getMetaData().getColumnName(i), rs.getObject(i));
                }
                out.add(row);
            }
        }
        return out;
    }

    private void insertRows(int node, List<Map<String, Object>> rows) throws SQLException {
        try (Connection c = db(node)) {
            for (Map<String, Object> row : rows) {
                List<String> cols = new ArrayList<>(row.keySet());
                String sql = "INSERT INTO key_share (" + String.join(", ", cols) + ") VALUES ("
                        + String.join(", ", cols.stream().map(x -> "?").toList()) + ")";
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    for (int i = 0; i < cols.size(); i++) {
                        ps.setObject(i + 1, row.get(cols.get(i)));
                    }
                    ps.executeUpdate();
                }
            }
        }
    }
}
