package io.openwaas.wallet;

import io.openwaas.platform.events.CloudEventHeaders;
import io.openwaas.platform.events.EventType;
import io.openwaas.platform.events.Topics;
import io.openwaas.platform.events.wallet.WalletBalanceUpdated;
import io.openwaas.testkit.auth.SignedClient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The balance projection fed by {@code wallet.balance.updated} (published here as transaction-service will, in
 * CloudEvents binary mode) and {@code GET /v2/wallets/{id}/tokens}, {@code …/addresses/{address}/tokens}.
 */
@QuarkusTest
class BalanceApiTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private KafkaProducer<String, String> producer;

    @BeforeEach
    void producer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        producer = new KafkaProducer<>(p);
    }

    @AfterEach
    void close() {
        producer.close();
    }

    /** A wallet with two ETH addresses and one BTC address. */
    record Setup(SignedClient client, String orgId, String wallet, String eth1, String eth2, String btc) {
    }

    private Setup setup() {
        SignedClient client = AddressSupport.organization();
        AddressSupport.KeyedVault vault = AddressSupport.vaultWithKeys(client);
        String wallet = AddressSupport.wallet(client, vault.vaultId());
        List<String> eth = client.post("/v2/wallets/" + wallet + "/addresses", "{\"chain_id\":\"ETH\",\"count\":2}")
                .then().statusCode(201).extract().path("address");
        String btc = client.post("/v2/wallets/" + wallet + "/addresses", "{\"chain_id\":\"BTC\"}")
                .then().statusCode(201).extract().path("[0].address");
        return new Setup(client, Fixtures.orgIdOf(client), wallet, eth.get(0), eth.get(1), btc);
    }

    private WalletBalanceUpdated event(Setup s, String address, String chain, String token, String total,
                                       String available, String locked, long sequence) {
        return new WalletBalanceUpdated(s.wallet(), s.orgId(), address, chain, token, total, available, locked,
                sequence, System.currentTimeMillis());
    }

    private String publish(WalletBalanceUpdated e) throws Exception {
        String id = UUID.randomUUID().toString();
        publish(id, e.walletId(), TssSupport.MAPPER.writeValueAsString(e));
        return id;
    }

    private void publish(String eventId, String key, String value) throws Exception {
        ProducerRecord<String, String> r = new ProducerRecord<>(Topics.WALLET_BALANCE_UPDATED, key, value);
        header(r, CloudEventHeaders.SPEC_VERSION, "1.0");
        if (eventId != null) {
            header(r, CloudEventHeaders.ID, eventId);
        }
        header(r, CloudEventHeaders.SOURCE, "/transaction-service");
        header(r, CloudEventHeaders.TYPE, EventType.WALLET_BALANCE_UPDATED);
        header(r, CloudEventHeaders.SUBJECT, key);
        header(r, CloudEventHeaders.TIME, Instant.now().toString());
        header(r, CloudEventHeaders.CONTENT_TYPE, "application/json");
        producer.send(r).get();
    }

    private static void header(ProducerRecord<String, String> r, String name, String value) {
        r.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, Object> tokenBalance(SignedClient client, String path, String token) {
        List<Map<String, Object>> data = client.get(path).then().statusCode(200).extract().path("data");
        return data.stream().filter(d -> token.equals(d.get("token_id"))).findFirst()
                .map(d -> (Map<String, Object>) d.get("balance")).orElse(null);
    }

    private static void awaitBalance(SignedClient client, String path, String token, String total) {
        Awaitility.await(path + " " + token + " total " + total).atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50)).until(() -> {
                    Map<String, Object> b = tokenBalance(client, path, token);
                    return b != null && total.equals(b.get("total"));
                });
    }

    private static String walletPath(Setup s) {
        return "/v2/wallets/" + s.wallet() + "/tokens";
    }

    private static String addressPath(Setup s, String address) {
        return "/v2/wallets/" + s.wallet() + "/addresses/" + address + "/tokens";
    }

    @Test
    void inOrderEventsSetTheBalancesAndTheWalletSumsItsAddresses() throws Exception {
        Setup s = setup();
        SignedClient c = s.client();
        c.get(walletPath(s)).then().statusCode(200).body("data", hasSize(0)).body("pagination.total_count", equalTo(0));
        c.get(addressPath(s, s.eth1())).then().statusCode(200).body("data", hasSize(0));

        publish(event(s, s.eth1(), "ETH", "ETH", "1.5", "1.5", "0", 1));
        publish(event(s, s.eth1(), "ETH", "ETH", "2.250", "2", "0.25", 2));
        // the projection stores EIP-55 form whatever case the producer used
        publish(event(s, s.eth2().toLowerCase(), "ETH", "ETH", "0.75", "0.75", "0", 1));
        publish(event(s, s.eth1(), "ETH", "ETH_USDT", "100.000001", "100.000001", "0", 1));
        awaitBalance(c, addressPath(s, s.eth1()), "ETH_USDT", "100.000001");

        c.get(addressPath(s, s.eth1())).then().statusCode(200)
                .body("data.token_id", equalTo(List.of("ETH", "ETH_USDT")))
                .body("data[0].balance.total", equalTo("2.25"))
                .body("data[0].balance.available", equalTo("2"))
                .body("data[0].balance.locked", equalTo("0.25"))
                .body("pagination.total_count", equalTo(2));
        // the address may be given in any letter case; the filter and pagination work
        c.get(addressPath(s, s.eth1().toLowerCase()) + "?token_ids=ETH_USDT").then().statusCode(200)
                .body("data.token_id", equalTo(List.of("ETH_USDT")));
        Response firstPage = c.get(addressPath(s, s.eth1()) + "?limit=1");
        firstPage.then().body("data.token_id", equalTo(List.of("ETH")));
        c.get(addressPath(s, s.eth1()) + "?limit=1&after=" + firstPage.jsonPath().getString("pagination.after"))
                .then().body("data.token_id", equalTo(List.of("ETH_USDT"))).body("pagination.after", equalTo(""));
        c.get(addressPath(s, s.eth2())).then().body("data[0].balance.total", equalTo("0.75"));

        // the wallet: per token, summed over its addresses, exactly
        c.get(walletPath(s)).then().statusCode(200)
                .body("data.token_id", equalTo(List.of("ETH", "ETH_USDT")))
                .body("data[0].balance.total", equalTo("3"))
                .body("data[0].balance.available", equalTo("2.75"))
                .body("data[0].balance.locked", equalTo("0.25"))
                .body("data[1].balance.total", equalTo("100.000001"));
        c.get(walletPath(s) + "?token_ids=ETH_USDT,BTC").then().body("data.token_id", equalTo(List.of("ETH_USDT")))
                .body("pagination.total_count", equalTo(1));
        Response one = c.get(walletPath(s) + "?limit=1");
        one.then().body("data.token_id", equalTo(List.of("ETH"))).body("pagination.before", equalTo(""));
        Response two = c.get(walletPath(s) + "?limit=1&after=" + one.jsonPath().getString("pagination.after"));
        two.then().body("data.token_id", equalTo(List.of("ETH_USDT"))).body("pagination.after", equalTo(""));
        c.get(walletPath(s) + "?limit=1&before=" + two.jsonPath().getString("pagination.before"))
                .then().body("data.token_id", equalTo(List.of("ETH")));

        // an account-level balance (no address) is the wallet's balance of that token
        publish(event(s, s.btc(), "BTC", "BTC", "0.3", "0.3", "0", 1));
        awaitBalance(c, walletPath(s), "BTC", "0.3");
        publish(event(s, null, "BTC", "BTC", "0.5", "0.4", "0.1", 1));
        awaitBalance(c, walletPath(s), "BTC", "0.5");
        c.get(addressPath(s, s.btc())).then().body("data[0].balance.total", equalTo("0.3"));
    }

    @Test
    void olderDuplicateAndMalformedEventsChangeNothing() throws Exception {
        Setup s = setup();
        SignedClient c = s.client();
        String path = addressPath(s, s.eth1());
        publish(event(s, s.eth1(), "ETH", "ETH", "5", "5", "0", 5));
        awaitBalance(c, path, "ETH", "5");

        // out of order: older sequences and an equal one arrive after the newer → ignored
        publish(event(s, s.eth1(), "ETH", "ETH", "9", "9", "0", 4));
        publish(event(s, s.eth1(), "ETH", "ETH", "8", "8", "0", 1));
        publish(event(s, s.eth1(), "ETH", "ETH", "7", "7", "0", 5));
        // duplicate event id: the second delivery has no effect, even with a higher sequence
        String dup = UUID.randomUUID().toString();
        publish(dup, s.wallet(), TssSupport.MAPPER.writeValueAsString(event(s, s.eth2(), "ETH", "ETH", "1", "1", "0", 1)));
        publish(dup, s.wallet(), TssSupport.MAPPER.writeValueAsString(event(s, s.eth2(), "ETH", "ETH", "6", "6", "0", 2)));
        // malformed: bad amounts, address, chain, token, sequence, JSON, ids → no effect (dead-letter topic)
        List<String> malformedIds = new ArrayList<>();
        for (WalletBalanceUpdated bad : List.of(
                event(s, s.eth1(), "ETH", "ETH", "1e3", "1", "0", 9),
                event(s, s.eth1(), "ETH", "ETH", "-1", "1", "0", 9),
                event(s, s.eth1(), "ETH", "ETH", "abc", "1", "0", 9),
                event(s, s.eth1(), "ETH", "ETH", "1.", "1", "0", 9),
                event(s, s.eth1(), "ETH", "ETH", "1", null, "0", 9),
                event(s, s.eth1(), "ETH", "ETH_USDT", "1.0000001", "1", "0", 9),
                event(s, s.eth1(), "ETH", "BTC", "1", "1", "0", 9),
                event(s, "0xnothex", "ETH", "ETH", "1", "1", "0", 9),
                event(s, s.eth1(), "NOPE", "ETH", "1", "1", "0", 9),
                event(s, s.eth1(), "ETH", "ETH", "1", "1", "0", 0))) {
            malformedIds.add(publish(bad));
        }
        String numberAmount = UUID.randomUUID().toString();
        publish(numberAmount, s.wallet(), TssSupport.MAPPER.writeValueAsString(event(s, s.eth1(), "ETH", "ETH", "1", "1",
                "0", 9)).replace("\"total\":\"1\"", "\"total\":1.5"));
        malformedIds.add(numberAmount);
        String notJson = UUID.randomUUID().toString();
        publish(notJson, s.wallet(), "{not json");
        malformedIds.add(notJson);
        String badWallet = UUID.randomUUID().toString();
        publish(badWallet, s.wallet(), TssSupport.MAPPER.writeValueAsString(event(s, s.eth1(), "ETH", "ETH", "1", "1",
                "0", 9)).replace(s.wallet(), "not-a-uuid"));
        malformedIds.add(badWallet);
        publish("not-a-uuid", s.wallet(), TssSupport.MAPPER.writeValueAsString(event(s, s.eth1(), "ETH", "ETH", "1",
                "1", "0", 9)));
        publish(null, s.wallet(), TssSupport.MAPPER.writeValueAsString(event(s, s.eth1(), "ETH", "ETH", "1", "1", "0",
                9)));
        // another organisation cannot write into this wallet's balances
        publish(new WalletBalanceUpdated(s.wallet(), UUID.randomUUID().toString(), s.eth1(), "ETH", "ETH", "1", "1",
                "0", 10, System.currentTimeMillis()));

        // a last, valid event on the same partition (same key): once it shows, everything before it was processed
        publish(event(s, s.btc(), "BTC", "BTC", "0.00000001", "0", "0.00000001", 1));
        awaitBalance(c, walletPath(s), "BTC", "0.00000001");

        c.get(path).then().statusCode(200).body("data", hasSize(1))
                .body("data[0].balance.total", equalTo("5"))
                .body("data[0].balance.available", equalTo("5"));
        c.get(addressPath(s, s.eth2())).then().body("data[0].balance.total", equalTo("1"));
        c.get(walletPath(s)).then().body("data[0].balance.total", equalTo("6"))
                .body("data[1].balance.locked", equalTo("0.00000001"));

        // the malformed ones went to the dead-letter topic
        Set<String> dlq = dlqIds(malformedIds);
        for (String id : malformedIds) {
            assertTrue(dlq.contains(id), "event " + id + " on wallet.balance.updated.dlq");
        }
    }

    @Test
    void otherOrganizationsWalletsAndUnknownAddressesAreNotFound() {
        Setup s = setup();
        SignedClient other = AddressSupport.organization();
        other.get(walletPath(s)).then().statusCode(404).body("error_code", equalTo(2028));
        other.get(addressPath(s, s.eth1())).then().statusCode(404);
        s.client().get("/v2/wallets/" + UUID.randomUUID() + "/tokens").then().statusCode(404);
        s.client().get("/v2/wallets/nope/tokens").then().statusCode(400);
        // an address of another wallet, or none at all
        String otherWallet = AddressSupport.wallet(s.client(), s.client().get("/v2/wallets/" + s.wallet())
                .then().extract().path("vault_id"));
        s.client().get("/v2/wallets/" + otherWallet + "/addresses/" + s.eth1() + "/tokens").then().statusCode(404)
                .body("error_code", equalTo(2028));
        s.client().get(addressPath(s, "0x0000000000000000000000000000000000000001")).then().statusCode(404);
        s.client().get(walletPath(s) + "?limit=51").then().statusCode(400);
        // a deleted wallet's balances are gone with it
        s.client().post("/v2/wallets/" + s.wallet() + "/delete", null).then().statusCode(201);
        s.client().get(walletPath(s)).then().statusCode(404);
        s.client().get(addressPath(s, s.eth1())).then().statusCode(404);
    }

    private Set<String> dlqIds(List<String> expected) {
        Set<String> ids = new HashSet<>();
        Awaitility.await("dead-letter records").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    for (ConsumerRecord<String, String> r : TopicReader.readToEnd(
                            Topics.dlq(Topics.WALLET_BALANCE_UPDATED), Duration.ofSeconds(10)).records()) {
                        String id = CloudEventHeaders.get(r.headers(), CloudEventHeaders.ID);
                        if (id != null) {
                            ids.add(id);
                        }
                    }
                    return ids.containsAll(expected);
                });
        return ids;
    }
}
