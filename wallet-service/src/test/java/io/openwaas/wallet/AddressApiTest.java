package io.openwaas.wallet;

import com.fasterxml.jackson.databind.JsonNode;
import io.openwaas.platform.events.CloudEventHeaders;
import io.openwaas.platform.events.EventType;
import io.openwaas.platform.events.Topics;
import io.openwaas.platform.events.wallet.WalletAddressCreated;
import io.openwaas.testkit.auth.SignedClient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code POST} / {@code GET /v2/wallets/{wallet_id}/addresses}: paths, counters, events, rejections. */
@QuarkusTest
class AddressApiTest {

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;
    private static String body(String chain, Integer count, String encoding) {
        StringBuilder b = new StringBuilder("{\"chain_id\":\"" + chain + "\"");
        if (count != null) {
            b.append(",\"count\":").append(count);
        }
        if (encoding != null) {
            b.append(",\"encoding\":\"").append(encoding).append("\"");
        }
        return b.append('}').toString();
    }

    private static List<Map<String, Object>> create(SignedClient client, String wallet, String body) {
        Response r = client.post("/v2/wallets/" + wallet + "/addresses", body);
        assertEquals(201, r.statusCode(), r.asString());
        return r.jsonPath().getList("$");
    }

    @Test
    void addressesFollowThePathSchemeOnEveryChainAndAreListed() throws Exception {
        SignedClient client = AddressSupport.organization();
        AddressSupport.KeyedVault vault = AddressSupport.vaultWithKeys(client);
        String wallet = AddressSupport.wallet(client, vault.vaultId());

        // The Java SDK's shape: count 1 and an empty script-tree list mean a plain default-encoding address.
        List<Map<String, Object>> first = create(client, wallet,
                "{\"chain_id\":\"BTC\",\"count\":1,\"taproot_script_tree_hashes\":[]}");
        assertEquals(1, first.size());
        Map<String, Object> a = first.get(0);
        assertEquals("BTC", a.get("chain_id"));
        assertEquals("ENCODING_BECH32", a.get("encoding"));
        assertEquals("m/44/0/0/0/0", a.get("path"));
        assertEquals(vault.xpub(), a.get("root_pubkey"));
        assertTrue(((String) a.get("address")).startsWith("bc1q"));
        assertTrue(((String) a.get("pubkey")).matches("0[23][0-9a-f]{64}"));
        assertFalse(a.containsKey("memo"));
        assertFalse(a.containsKey("x_only_pubkey"));
        assertFalse(a.containsKey("taproot_internal_address"));

        List<Map<String, Object>> btc = create(client, wallet, body("BTC", 2, null));
        assertEquals(List.of("m/44/0/0/0/1", "m/44/0/0/0/2"), paths(btc));
        // Every Bitcoin encoding draws from the same counter.
        List<Map<String, Object>> taproot = create(client, wallet, body("BTC", 2, "ENCODING_P2TR"));
        assertEquals(List.of("m/44/0/0/0/3", "m/44/0/0/0/4"), paths(taproot));
        for (Map<String, Object> t : taproot) {
            assertTrue(((String) t.get("address")).startsWith("bc1p"));
            assertEquals(((String) t.get("pubkey")).substring(2), t.get("x_only_pubkey"));
            assertEquals(t.get("address"), t.get("taproot_internal_address"));
        }
        List<Map<String, Object>> legacy = create(client, wallet, body("XTN", 1, "ENCODING_P2PKH"));
        assertEquals("m/44/0/0/0/5", legacy.get(0).get("path"));
        assertTrue(((String) legacy.get(0).get("address")).matches("[mn].*"));

        // One counter for every EVM chain; each address is recorded for the chain it was created on.
        List<Map<String, Object>> eth = create(client, wallet, body("ETH", 2, null));
        assertEquals(List.of("m/44/60/0/0/0", "m/44/60/0/0/1"), paths(eth));
        assertEquals("ENCODING_DEFAULT", eth.get(0).get("encoding"));
        assertTrue(((String) eth.get(0).get("address")).matches("0x[0-9a-fA-F]{40}"));
        List<Map<String, Object>> seth = create(client, wallet, body("SETH", 1, "ENCODING_DEFAULT"));
        assertEquals("m/44/60/0/0/2", seth.get(0).get("path"));
        List<Map<String, Object>> tron = create(client, wallet, body("TRON", 1, null));
        assertEquals("m/44/195/0/0/0", tron.get(0).get("path"));
        assertTrue(((String) tron.get(0).get("address")).startsWith("T"));
        List<Map<String, Object>> sol = create(client, wallet, body("SOL", 2, null));
        assertEquals(List.of("m/44/501/0/0/0", "m/44/501/0/0/1"), paths(sol));
        assertEquals(vault.cpub(), sol.get(0).get("root_pubkey"));
        assertTrue(((String) sol.get(0).get("pubkey")).matches("[0-9a-f]{64}"));

        // A second wallet of the vault has the next account number.
        String second = AddressSupport.wallet(client, vault.vaultId());
        assertEquals("m/44/0/1/0/0", create(client, second, body("BTC", 1, null)).get(0).get("path"));
        assertEquals("m/44/60/1/0/0", create(client, second, body("ETH", 1, null)).get(0).get("path"));

        // Lists: the wallet's addresses in creation order, filters, cursor pagination.
        String base = "/v2/wallets/" + wallet + "/addresses";
        client.get(base).then().statusCode(200).body("pagination.total_count", equalTo(12))
                .body("data", hasSize(10)).body("data[0].path", equalTo("m/44/0/0/0/0"))
                .body("data[0].root_pubkey", equalTo(vault.xpub()));
        client.get(base + "?chain_ids=ETH").then().statusCode(200).body("pagination.total_count", equalTo(2));
        client.get(base + "?chain_ids=ETH,SETH").then().body("pagination.total_count", equalTo(3));
        client.get(base + "?chain_ids=SOL").then().body("data[0].root_pubkey", equalTo(vault.cpub()));
        String ethLower = ((String) eth.get(1).get("address")).toLowerCase();
        client.get(base + "?addresses=" + ethLower + "," + btc.get(0).get("address") + "%7Cmemo").then().statusCode(200)
                .body("data.address", equalTo(List.of(btc.get(0).get("address"), eth.get(1).get("address"))));
        client.get(base + "?chain_ids=DOGE").then().statusCode(200).body("pagination.total_count", equalTo(0));
        List<String> walked = new ArrayList<>();
        String after = "";
        do {
            Response page = client.get(base + "?limit=4" + (after.isEmpty() ? "" : "&after=" + after));
            page.then().statusCode(200).body("pagination.total_count", equalTo(12));
            walked.addAll(page.jsonPath().getList("data.address"));
            after = page.jsonPath().getString("pagination.after");
        } while (!after.isEmpty());
        assertEquals(12, walked.size());
        assertEquals(12, new HashSet<>(walked).size());
        Response last = client.get(base + "?limit=4&after=" + client.get(base + "?limit=8").jsonPath()
                .getString("pagination.after"));
        last.then().body("data", hasSize(4)).body("pagination.after", equalTo(""));
        client.get(base + "?limit=4&before=" + last.jsonPath().getString("pagination.before"))
                .then().body("data.address", equalTo(walked.subList(4, 8)));
        // The other wallet's list is its own.
        client.get("/v2/wallets/" + second + "/addresses").then().body("pagination.total_count", equalTo(2));

        // One wallet.address.created event per batch, in order, with the addresses as answered.
        List<ConsumerRecord<String, String>> events = awaitEvents(wallet, 8);
        assertEquals(8, events.size(), "one event per batch");
        for (int i = 0; i < events.size(); i++) {
            ConsumerRecord<String, String> r = events.get(i);
            assertEquals(EventType.WALLET_ADDRESS_CREATED, CloudEventHeaders.get(r.headers(), CloudEventHeaders.TYPE));
            assertEquals(wallet, CloudEventHeaders.get(r.headers(), CloudEventHeaders.SUBJECT));
            assertEquals(Fixtures.orgIdOf(client), CloudEventHeaders.get(r.headers(), CloudEventHeaders.ORG_ID));
            assertEquals(Integer.toString(i + 1), CloudEventHeaders.get(r.headers(), CloudEventHeaders.SEQUENCE));
        }
        WalletAddressCreated taprootEvent = TssSupport.MAPPER.readValue(events.get(2).value(), WalletAddressCreated.class);
        assertEquals(wallet, taprootEvent.walletId());
        assertEquals(vault.vaultId(), taprootEvent.vaultId());
        assertEquals("BTC", taprootEvent.chainId());
        assertEquals("ENCODING_P2TR", taprootEvent.encoding());
        assertEquals(vault.xpub(), taprootEvent.rootPubkey());
        assertEquals(taproot.stream().map(t -> new WalletAddressCreated.Address((String) t.get("address"),
                (String) t.get("path"), (String) t.get("pubkey"), (String) t.get("x_only_pubkey"))).toList(),
                taprootEvent.addresses());
        JsonNode solEvent = TssSupport.MAPPER.readTree(events.get(7).value());
        assertEquals(vault.cpub(), solEvent.get("root_pubkey").asText());
        assertFalse(solEvent.get("addresses").get(0).has("x_only_pubkey"));
    }

    @Test
    void badRequestsAnswer4xxAndPersistNothing() throws Exception {
        SignedClient client = AddressSupport.organization();
        AddressSupport.KeyedVault vault = AddressSupport.vaultWithKeys(client);
        String wallet = AddressSupport.wallet(client, vault.vaultId());
        String path = "/v2/wallets/" + wallet + "/addresses";

        record Case(String body, int status, int code, String message) {
        }
        List<Case> cases = List.of(
                new Case(body("DOGE", 1, null), 400, 2006, "chain_id"),
                new Case("{\"count\":1}", 400, 2003, "chain_id"),
                new Case(body("ETH", 1, "ENCODING_P2TR"), 400, 2006, "encoding"),
                new Case(body("BTC", 1, "ENCODING_DEFAULT"), 400, 2006, "encoding"),
                new Case(body("BTC", 1, "ENCODING_BOGUS"), 400, 2006, "encoding"),
                new Case(body("BTC", 0, null), 400, 2006, "count"),
                new Case(body("BTC", 1001, null), 400, 2006, "count"),
                new Case(body("BTC", -3, null), 400, 2006, "count"),
                new Case("{\"chain_id\":\"BTC\",\"count\":1.5}", 400, 2006, "count"),
                new Case("{\"chain_id\":\"BTC\",\"count\":\"2\"}", 400, 2006, "count"),
                new Case("{\"chain_id\":\"BTC\",\"count\":99999999999}", 400, 2006, "count"),
                new Case("{\"chain_id\":\"BTC\",\"taproot_script_tree_hashes\":[\"00\"]}", 400, 2006, "taproot"),
                new Case("{\"chain_id\":\"BTC\",\"taproot_internal_address\":\"bc1p\"}", 400, 2006, "taproot"),
                new Case("[1,2]", 400, 2006, ""),
                new Case("{\"chain_id\":", 400, 2006, "JSON"));
        for (Case c : cases) {
            client.post(path, c.body()).then().statusCode(c.status())
                    .body("error_code", equalTo(c.code()))
                    .body("error_message", containsString(c.message()))
                    .body("error_id", org.hamcrest.Matchers.matchesPattern("[0-9a-f]{32}"));
        }
        client.post(path, "").then().statusCode(400).body("error_code", org.hamcrest.Matchers.oneOf(2003, 2006));
        client.post(path, "null").then().statusCode(400);
        client.post(path, null).then().statusCode(org.hamcrest.Matchers.oneOf(400, 415));
        client.post("/v2/wallets/not-a-uuid/addresses", body("BTC", 1, null)).then().statusCode(400);
        client.post("/v2/wallets/" + UUID.randomUUID() + "/addresses", body("BTC", 1, null)).then().statusCode(404)
                .body("error_code", equalTo(2028));

        // Another organisation's wallet is not found; so is a deleted one.
        SignedClient other = AddressSupport.organization();
        other.post(path, body("BTC", 1, null)).then().statusCode(404).body("error_code", equalTo(2028));
        other.get(path).then().statusCode(404);
        String deleted = AddressSupport.wallet(client, vault.vaultId());
        client.post("/v2/wallets/" + deleted + "/delete", null).then().statusCode(201);
        client.post("/v2/wallets/" + deleted + "/addresses", body("BTC", 1, null)).then().statusCode(404);
        client.get("/v2/wallets/" + deleted + "/addresses").then().statusCode(404);

        // A vault whose keys are not generated yet: 400 saying so.
        String bare = TssSupport.createVault(client);
        String early = AddressSupport.wallet(client, bare);
        client.post("/v2/wallets/" + early + "/addresses", body("ETH", 1, null)).then().statusCode(400)
                .body("error_code", equalTo(2029))
                .body("error_message", containsString("no SECP256K1 root key yet"));
        client.post("/v2/wallets/" + early + "/addresses", body("SOL", 1, null)).then().statusCode(400)
                .body("error_message", containsString("no ED25519 root key yet"));

        // Nothing was written: no address, no counter, no account number, no event — and nothing was skipped.
        for (String w : List.of(wallet, deleted, early)) {
            assertEquals(0, count("SELECT count(*) FROM wallet_address WHERE wallet_id = ?", w));
            assertEquals(0, count("SELECT count(*) FROM wallet_address_counter WHERE wallet_id = ?", w));
            assertEquals(0, count("SELECT count(*) FROM wallet_hd_account WHERE wallet_id = ?", w));
            assertEquals(0, count("SELECT count(*) FROM outbox_event WHERE event_key = ?", w));
        }
        client.get(path).then().statusCode(200).body("pagination.total_count", equalTo(0));
        List<Map<String, Object>> created = create(client, wallet, body("BTC", 2, null));
        assertEquals(List.of("m/44/0/0/0/0", "m/44/0/0/0/1"), paths(created));
        client.get(path + "?limit=0").then().statusCode(400);
        client.get(path + "?after=garbage").then().statusCode(400);
    }

    @Test
    void concurrentRequestsNeitherReuseNorSkipAnIndex() throws Exception {
        SignedClient client = AddressSupport.organization();
        AddressSupport.KeyedVault vault = AddressSupport.vaultWithKeys(client);
        String wallet = AddressSupport.wallet(client, vault.vaultId());
        // and concurrent first addresses of several wallets of one vault get distinct account numbers
        List<String> wallets = List.of(wallet, AddressSupport.wallet(client, vault.vaultId()),
                AddressSupport.wallet(client, vault.vaultId()));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<Map<String, Object>>>> futures = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                String w = wallets.get(i % 3);
                String chain = i % 2 == 0 ? "ETH" : "SETH";
                futures.add(pool.submit(() -> create(client, w, body(chain, 5, null))));
            }
            Map<String, List<String>> pathsByAccount = new java.util.TreeMap<>();
            Set<String> addresses = new HashSet<>();
            for (Future<List<Map<String, Object>>> f : futures) {
                for (Map<String, Object> a : f.get()) {
                    String p = (String) a.get("path");
                    String account = p.split("/")[3];
                    pathsByAccount.computeIfAbsent(account, k -> new ArrayList<>()).add(p);
                    assertTrue(addresses.add((String) a.get("address")), "address used once");
                }
            }
            assertEquals(Set.of("0", "1", "2"), pathsByAccount.keySet(), "three wallets, three account numbers");
            for (List<String> p : pathsByAccount.values()) {
                TreeSet<Integer> indices = p.stream().map(s -> Integer.parseInt(s.substring(s.lastIndexOf('/') + 1)))
                        .collect(Collectors.toCollection(TreeSet::new));
                assertEquals(IntStream.range(0, 20).boxed().collect(Collectors.toSet()), indices,
                        "indices 0..19, each once");
                assertEquals(20, p.size());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<String> paths(List<Map<String, Object>> addresses) {
        return addresses.stream().map(a -> (String) a.get("path")).toList();
    }

    private long count(String sql, String walletId) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
             PreparedStatement s = c.prepareStatement(sql.replace("wallet_id = ?", "wallet_id::text = ?")
                     .replace("event_key = ?", "event_key = ?"))) {
            s.setString(1, walletId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The wallet.address.created records of a wallet, in offset order, once at least {@code n} are there. */
    private List<ConsumerRecord<String, String>> awaitEvents(String walletId, int n) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        Awaitility.await("wallet.address.created for " + walletId).atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(300)).until(() -> {
                    found.clear();
                    found.addAll(read(walletId));
                    return found.size() >= n;
                });
        return found;
    }

    private List<ConsumerRecord<String, String>> read(String walletId) {
        List<ConsumerRecord<String, String>> out = new ArrayList<>(TopicReader.readToEnd(Topics.WALLET_ADDRESS_CREATED,
                Duration.ofSeconds(20)).records().stream().filter(r -> walletId.equals(r.key())).toList());
        out.sort(java.util.Comparator.comparingLong(ConsumerRecord::offset));
        return Collections.unmodifiableList(out);
    }
}
