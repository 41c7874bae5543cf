package io.openwaas.transaction;

import com.fasterxml.jackson.databind.JsonNode;
import io.openwaas.platform.events.Topics;
import io.openwaas.platform.events.wallet.WalletAddressCreated;
import io.openwaas.testkit.infra.DevChain;
import io.openwaas.testkit.infra.DevChainClient;
import io.openwaas.testkit.infra.DevChainTestResource;
import io.openwaas.testkit.kafka.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.web3j.abi.TypeDecoder;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Deposits on the real dev chain: dev ETH and the DEV_ETH_USDT ERC-20 sent to a watched address appear
 * {@code Confirming}, gain one confirmation a block, and complete at the chain's threshold (3), credited exactly;
 * their events come in order with a rising sequence and carry what GET shows. A reorg that removes the block of an
 * unconfirmed deposit takes it back; not included again, it fails {@code ReOrged} and is never credited.
 */
@QuarkusTest
class DepositTest {

    private final DevChainClient chain = DevChainTestResource.client();

    @Test
    void ethAndTokenDepositsConfirmAndComplete() throws Exception {
        Support.Org org = Support.newOrganization();
        Support.Wallet wallet = Support.newWallet(org.orgId());
        wallet.announce(2, 1);
        String to = wallet.address(1);
        Support.awaitWatched(to);

        String ethHash = chain.fund(to, "1.25");
        String usdtHash = chain.fund(to, "10.5", DevChain.TOKEN_ID);
        chain.mine(1);
        JsonNode eth = awaitDeposit(org, ethHash, "Confirming", 1);
        JsonNode usdt = awaitDeposit(org, usdtHash, "Confirming", 1);
        assertEquals("DEV_ETH", eth.get("token_id").asText());
        assertEquals("1.25", eth.at("/destination/amount").asText());
        assertEquals("DepositToAddress", eth.at("/destination/destination_type").asText());
        assertEquals(to, eth.at("/destination/address").asText());
        assertEquals(wallet.walletId().toString(), eth.get("wallet_id").asText());
        assertEquals("DepositFromAddress", eth.at("/source/source_type").asText());
        assertEquals(DevChain.ACCOUNT_0.toLowerCase(Locale.ROOT),
                eth.at("/source/addresses/0").asText().toLowerCase(Locale.ROOT));
        assertEquals(3, eth.get("confirming_threshold").asInt());
        assertEquals("DEV_ETH_USDT", usdt.get("token_id").asText());
        assertEquals("10.5", usdt.at("/destination/amount").asText());

        chain.mine(1);
        awaitDeposit(org, ethHash, "Confirming", 2);
        chain.mine(1);
        eth = awaitDeposit(org, ethHash, "Completed", 3);
        usdt = awaitDeposit(org, usdtHash, "Completed", 3);

        // Independent re-check of the chain: the receipts, the balances, the token's Transfer log decoded by web3j.
        assertEquals(new BigInteger("1250000000000000000"), chain.balance(to));
        assertEquals(BigInteger.valueOf(10_500_000), chain.tokenBalance(DevChain.TOKEN_ADDRESS, to));
        JsonNode receipt = chain.receipt(usdtHash);
        assertEquals("0x1", receipt.get("status").asText());
        JsonNode log = receipt.get("logs").get(0);
        assertEquals(to.toLowerCase(Locale.ROOT), "0x" + log.get("topics").get(2).asText().substring(26));
        BigInteger logged = TypeDecoder.decodeNumeric(log.get("data").asText(),
                org.web3j.abi.datatypes.generated.Uint256.class).getValue();
        assertEquals(new BigDecimal(usdt.at("/destination/amount").asText()).movePointRight(6).toBigIntegerExact(), logged);
        assertEquals(receipt.get("blockNumber").asText(), "0x" + Long.toHexString(usdt.at("/block_info/block_number").asLong()));

        // GET by id: the same body plus the timeline
        JsonNode detail = Support.json(org.client().get("/v2/transactions/" + eth.get("transaction_id").asText()));
        List<String> timeline = new ArrayList<>();
        detail.get("timeline").forEach(s -> timeline.add(s.get("status").asText()));
        assertEquals(List.of("Confirming", "Completed"), timeline);

        // The events: created, updated, succeeded with sequence 1, 2, 3; the last one's data is what GET shows
        String id = eth.get("transaction_id").asText();
        List<ConsumerRecord<String, String>> events = new ArrayList<>();
        for (String topic : List.of(Topics.TRANSACTION_CREATED, Topics.TRANSACTION_UPDATED, Topics.TRANSACTION_SUCCEEDED)) {
            TopicReader.readToEnd(Support.bootstrap(), topic, Duration.ofSeconds(20)).records().stream()
                    .filter(r -> id.equals(r.key())).forEach(events::add);
        }
        events.sort((a, b) -> Long.compare(sequence(a), sequence(b)));
        assertEquals(List.of(1L, 2L, 3L), events.stream().map(DepositTest::sequence).toList());
        assertEquals(List.of(Topics.TRANSACTION_CREATED, Topics.TRANSACTION_UPDATED, Topics.TRANSACTION_SUCCEEDED),
                events.stream().map(ConsumerRecord::topic).toList());
        JsonNode last = Support.JSON.readTree(events.get(2).value());
        JsonNode shown = detail.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) shown).remove("timeline");
        assertEquals(shown, last);
        assertEquals(2, Support.JSON.readTree(events.get(1).value()).get("confirmed_num").asInt());

        // The balance events carry the exact new balances
        var balances = TopicReader.readToEnd(Support.bootstrap(), Topics.WALLET_BALANCE_UPDATED, Duration.ofSeconds(20))
                .records().stream().filter(r -> wallet.walletId().toString().equals(r.key()))
                .map(r -> json(r.value())).toList();
        assertTrue(balances.stream().anyMatch(b -> b.get("token_id").asText().equals("DEV_ETH")
                && b.get("total").asText().equals("1.25") && b.get("available").asText().equals("1.25")
                && b.get("locked").asText().equals("0") && b.get("address").asText().equals(to)));
        assertTrue(balances.stream().anyMatch(b -> b.get("token_id").asText().equals("DEV_ETH_USDT")
                && b.get("total").asText().equals("10.5")));

        // Filters and another organisation
        assertEquals(1, Support.json(org.client().get("/v2/transactions?token_ids=DEV_ETH_USDT&wallet_ids="
                + wallet.walletId())).at("/pagination/total_count").asInt());
        assertEquals(2, Support.json(org.client().get("/v2/transactions?types=Deposit&statuses=Completed"))
                .at("/pagination/total_count").asInt());
        Support.Org other = Support.newOrganization();
        assertEquals(404, other.client().get("/v2/transactions/" + id).statusCode());
        assertEquals(0, Support.json(other.client().get("/v2/transactions")).at("/pagination/total_count").asInt());
    }

    @Test
    void aReorgTakesBackAnUnconfirmedDepositAndItFailsReOrged() {
        Support.Org org = Support.newOrganization();
        Support.Wallet wallet = Support.newWallet(org.orgId());
        wallet.announce(1, 1);
        String to = wallet.address(0);
        Support.awaitWatched(to);

        String hash = chain.fund(to, "0.5");
        chain.mine(1);
        awaitDeposit(org, hash, "Confirming", 1);
        chain.reorg(1); // the block with the deposit is replaced by an empty one: the transaction is gone
        await().atMost(Duration.ofSeconds(30)).until(() -> deposit(org, hash).get("confirmed_num").asInt() == 0);
        assertNull(deposit(org, hash).get("block_info"), "the deposit has no block any more");
        chain.mine(4);
        JsonNode failed = awaitDeposit(org, hash, "Failed", 0);
        assertEquals("ReOrged", failed.get("sub_status").asText());
        assertEquals(BigInteger.ZERO, chain.balance(to), "the chain agrees: nothing arrived");
        var credited = TopicReader.readToEnd(Support.bootstrap(), Topics.WALLET_BALANCE_UPDATED, Duration.ofSeconds(20))
                .records().stream().filter(r -> wallet.walletId().toString().equals(r.key())).toList();
        assertTrue(credited.isEmpty(), "a reorged deposit is never credited");
    }

    @Test
    void anAddressThatDoesNotDeriveFromItsRootIsNotWatched() {
        Support.Org org = Support.newOrganization();
        Support.Wallet wallet = Support.newWallet(org.orgId());
        Support.Wallet attacker = Support.newWallet(org.orgId());
        // the attacker's address claimed at the wallet's path under the wallet's root key
        wallet.announce(List.of(new WalletAddressCreated.Address(attacker.address(0), "m/44/60/0/0/0",
                "02" + "11".repeat(32), null)), 1);
        wallet.announce(1, 2); // a good one after it, to know the bad one was processed
        Support.awaitWatched(wallet.address(0));
        assertFalse(Support.isWatched(attacker.address(0)));

        // a genuine-looking record nobody signed (anyone who can write to the broker): not watched
        Support.Wallet unsigned = Support.newWallet(org.orgId());
        unsigned.announceUnsigned(1, 1);
        Support.Wallet after = Support.newWallet(org.orgId());
        after.announce(1, 1);
        Support.awaitWatched(after.address(0));
        assertFalse(Support.isWatched(unsigned.address(0)), "an unsigned wallet.address.created is refused");
    }

    private static JsonNode deposit(Support.Org org, String hash) {
        JsonNode page = Support.json(org.client().get("/v2/transactions?transaction_hashes=" + hash));
        return page.get("data").size() == 1 ? page.get("data").get(0) : null;
    }

    private static JsonNode awaitDeposit(Support.Org org, String hash, String status, int confirmations) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            found[0] = deposit(org, hash);
            return found[0] != null && status.equals(found[0].get("status").asText())
                    && found[0].get("confirmed_num").asInt() == confirmations;
        });
        return found[0];
    }

    private static long sequence(ConsumerRecord<String, String> r) {
        return Long.parseLong(new String(r.headers().lastHeader("ce_sequence").value(), StandardCharsets.UTF_8));
    }

    private static JsonNode json(String s) {
        try {
            return Support.JSON.readTree(s);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
