package io.openwaas.transaction;

import com.fasterxml.jackson.databind.JsonNode;
import io.openwaas.platform.events.Topics;
import io.openwaas.testkit.infra.DevChain;
import io.openwaas.testkit.infra.DevChainClient;
import io.openwaas.testkit.infra.DevChainTestResource;
import io.openwaas.testkit.kafka.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Hash;
import org.web3j.crypto.Keys;
import org.web3j.crypto.SignedRawTransaction;
import org.web3j.crypto.TransactionDecoder;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Withdrawals end to end on the real dev chain with the three real TSS nodes signing over Kafka: the transfer is
 * reserved in the ledger, built (EIP-1559, nonce), signed by the vault's group, checked, stored and broadcast, and
 * settles at the threshold with the real fee. Every on-chain fact is re-checked independently (the node's receipt
 * and balances; web3j decodes the signed bytes and recovers their sender).
 */
@QuarkusTest
class WithdrawalTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static Support.Org org;
    private static Support.Wallet wallet;
    private static String source;
    private final DevChainClient chain = DevChainTestResource.client();

    @BeforeEach
    void fundedWallet() {
        if (wallet != null) {
            return;
        }
        org = Support.newOrganization();
        wallet = Support.walletOf(org.orgId(), Vaults.withKeys(org.orgId()));
        wallet.announce(2, 1);
        source = wallet.address(0);
        DevChainClient c = DevChainTestResource.client();
        sleepUntilWatched();
        c.fund(source, "2");
        c.fund(source, "100", DevChain.TOKEN_ID);
        c.mine(3);
        await().atMost(Duration.ofSeconds(30)).until(() -> Support.json(org.client().get(
                "/v2/transactions?statuses=Completed&wallet_ids=" + wallet.walletId())).at("/pagination/total_count")
                .asInt() == 2);
    }

    private static void sleepUntilWatched() {
        try {
            Thread.sleep(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void ethWithdrawalIsSignedBroadcastAndSettledWithTheRealFee() throws Exception {
        String to = randomAddress();
        BigInteger before = chain.balance(source);
        Response r = transfer(UUID.randomUUID().toString(), "DEV_ETH", to, "0.3", source);
        assertEquals(201, r.statusCode(), r.asString());
        String id = r.jsonPath().getString("transaction_id");
        assertEquals("Submitted", r.jsonPath().getString("status"));

        JsonNode done = mineUntil(id, "Completed");
        String hash = done.get("transaction_hash").asText();
        JsonNode receipt = chain.receipt(hash);
        assertEquals("0x1", receipt.get("status").asText());
        assertEquals(new BigInteger("300000000000000000"), chain.balance(to), "the recipient got exactly the amount");
        BigInteger fee = new BigInteger(receipt.get("gasUsed").asText().substring(2), 16)
                .multiply(new BigInteger(receipt.get("effectiveGasPrice").asText().substring(2), 16));
        assertEquals(0, new BigDecimal(fee, 18).compareTo(new BigDecimal(done.at("/fee/fee_used").asText())),
                "fee_used = gas_used × effective_gas_price");
        assertEquals(receipt.get("gasUsed").asText(), "0x" + new BigInteger(done.at("/fee/gas_used").asText()).toString(16));
        assertEquals(before.subtract(new BigInteger("300000000000000000")).subtract(fee), chain.balance(source));
        assertEquals(chain.balance(source), units(lastBalance(source, "DEV_ETH").get("total").asText(), 18),
                "the ledger equals the chain after the fee");
        assertEquals("0", lastBalance(source, "DEV_ETH").get("locked").asText());

        // web3j decodes the stored signed bytes on its own and recovers the sender
        String raw = done.at("/raw_tx_info/raw_tx").asText();
        SignedRawTransaction decoded = (SignedRawTransaction) TransactionDecoder.decode(raw);
        assertEquals(source.toLowerCase(Locale.ROOT), decoded.getFrom().toLowerCase(Locale.ROOT));
        assertEquals(to.toLowerCase(Locale.ROOT), decoded.getTo().toLowerCase(Locale.ROOT));
        assertEquals(new BigInteger("300000000000000000"), decoded.getValue());
        assertEquals(hash, Hash.sha3(raw));
        assertEquals("Org-Controlled", done.at("/source/source_type").asText());
        assertEquals(to, done.at("/destination/account_output/address").asText());
    }

    @Test
    void tokenWithdrawalPaysTheFeeInDevEth() {
        String to = randomAddress();
        Response r = transfer(UUID.randomUUID().toString(), "DEV_ETH_USDT", to, "12.5", source);
        assertEquals(201, r.statusCode(), r.asString());
        JsonNode done = mineUntil(r.jsonPath().getString("transaction_id"), "Completed");
        assertEquals("0x1", chain.receipt(done.get("transaction_hash").asText()).get("status").asText());
        assertEquals(BigInteger.valueOf(12_500_000), chain.tokenBalance(DevChain.TOKEN_ADDRESS, to));
        assertEquals(chain.tokenBalance(DevChain.TOKEN_ADDRESS, source),
                units(lastBalance(source, "DEV_ETH_USDT").get("total").asText(), 6));
        assertEquals(chain.balance(source), units(lastBalance(source, "DEV_ETH").get("total").asText(), 18),
                "the fee left the DEV_ETH balance, as on chain");
    }

    @Test
    void oneRequestIdMovesValueOnce() throws Exception {
        String requestId = UUID.randomUUID().toString();
        String to = randomAddress();
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Future<Response>> answers = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            answers.add(pool.submit((Callable<Response>) () -> transfer(requestId, "DEV_ETH", to, "0.01", source)));
        }
        List<String> ids = new ArrayList<>();
        for (Future<Response> f : answers) {
            Response r = f.get();
            assertEquals(201, r.statusCode(), r.asString());
            ids.add(r.jsonPath().getString("transaction_id"));
        }
        pool.shutdown();
        assertEquals(1, ids.stream().distinct().count(), "one transaction for one request_id");
        Response other = transfer(requestId, "DEV_ETH", to, "0.02", source);
        assertEquals(400, other.statusCode());
        assertEquals(12009, other.jsonPath().getInt("error_code"));
        mineUntil(ids.get(0), "Completed");
        assertEquals(new BigInteger("10000000000000000"), chain.balance(to), "sent once");
        assertEquals(1, Support.json(org.client().get("/v2/transactions?request_id=" + requestId))
                .at("/pagination/total_count").asInt());
    }

    @Test
    void tooMuchIsRefusedAndChangesNothing() {
        JsonNode before = lastBalance(source, "DEV_ETH");
        Response r = transfer(UUID.randomUUID().toString(), "DEV_ETH", randomAddress(), "1000", source);
        assertEquals(400, r.statusCode());
        assertEquals(12007, r.jsonPath().getInt("error_code"));
        assertEquals(before, lastBalance(source, "DEV_ETH"));
    }

    @Test
    void badInputIsA4xxWithTheEnvelope() {
        String to = randomAddress();
        String w = wallet.walletId().toString();
        List<String[]> cases = List.of(
                new String[] {"invalid address", body("DEV_ETH", w, source, "0x1234", "1"), "2006"},
                new String[] {"unknown token", body("NOPE", w, source, to, "1"), "12002"},
                new String[] {"amount 0", body("DEV_ETH", w, source, to, "0"), "2006"},
                new String[] {"negative amount", body("DEV_ETH", w, source, to, "-1"), "2006"},
                new String[] {"too many decimals", body("DEV_ETH_USDT", w, source, to, "1.0000001"), "2006"},
                new String[] {"not a number", body("DEV_ETH", w, source, to, "one"), "2006"},
                new String[] {"unknown wallet", body("DEV_ETH", UUID.randomUUID().toString(), source, to, "1"), "2028"},
                new String[] {"unknown source address", body("DEV_ETH", w, randomAddress(), to, "1"), "2006"},
                new String[] {"no destination", "{\"request_id\":\"x" + UUID.randomUUID() + "\",\"token_id\":\"DEV_ETH\","
                        + "\"source\":{\"source_type\":\"Org-Controlled\",\"wallet_id\":\"" + w + "\"}}", "2003"},
                new String[] {"not JSON", "{", "2006"});
        for (String[] c : cases) {
            Response r = org.client().post("/v2/transactions/transfer", c[1]);
            assertTrue(r.statusCode() >= 400 && r.statusCode() < 500, c[0] + ": " + r.statusCode() + " " + r.asString());
            assertEquals(Integer.parseInt(c[2]), r.jsonPath().getInt("error_code"), c[0] + ": " + r.asString());
            assertTrue(r.jsonPath().getString("error_id").length() > 0, c[0]);
        }
        Support.Org other = Support.newOrganization();
        Response r = other.client().post("/v2/transactions/transfer", body("DEV_ETH", w, source, to, "0.1"));
        assertEquals(404, r.statusCode(), "another organisation's wallet");
    }

    private Response transfer(String requestId, String token, String to, String amount, String from) {
        return org.client().post("/v2/transactions/transfer", body(token, wallet.walletId().toString(), from, to, amount)
                .replace("\"request_id\":\"r\"", "\"request_id\":\"" + requestId + "\""));
    }

    private static String body(String token, String walletId, String from, String to, String amount) {
        return "{\"request_id\":\"r\",\"token_id\":\"" + token + "\",\"source\":{\"source_type\":\"Org-Controlled\","
                + "\"wallet_id\":\"" + walletId + "\",\"address\":\"" + from + "\"},\"destination\":{\"destination_type\":"
                + "\"Address\",\"account_output\":{\"address\":\"" + to + "\",\"amount\":\"" + amount + "\"}}}";
    }

    /** Mines a block at a time until the transaction has the status (signing and broadcast happen in between). */
    private JsonNode mineUntil(String id, String status) {
        JsonNode[] t = new JsonNode[1];
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(300)).until(() -> {
            t[0] = Support.json(org.client().get("/v2/transactions/" + id));
            String s = t[0].get("status").asText();
            if (s.equals("Failed") || s.equals("Rejected")) {
                throw new AssertionError("withdrawal " + s + ": " + t[0]);
            }
            if (s.equals("Broadcasting") || s.equals("Confirming")) {
                chain.mine(1);
            }
            return s.equals(status);
        });
        return t[0];
    }

    private JsonNode lastBalance(String address, String token) {
        List<JsonNode> events = TopicReader.readToEnd(Support.bootstrap(), Topics.WALLET_BALANCE_UPDATED,
                        Duration.ofSeconds(20)).records().stream()
                .filter(r -> wallet.walletId().toString().equals(r.key())).map(r -> json(r.value()))
                .filter(b -> b.get("address").asText().equals(address) && b.get("token_id").asText().equals(token))
                .sorted((a, b) -> Long.compare(a.get("sequence").asLong(), b.get("sequence").asLong())).toList();
        return events.get(events.size() - 1);
    }

    private static BigInteger units(String whole, int decimals) {
        return new BigDecimal(whole).movePointRight(decimals).toBigIntegerExact();
    }

    private static String randomAddress() {
        byte[] a = new byte[20];
        RANDOM.nextBytes(a);
        return Keys.toChecksumAddress(HexFormat.of().formatHex(a));
    }

    private static JsonNode json(String s) {
        try {
            return Support.JSON.readTree(s);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
