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
        Support.awaitWatched(source, wallet.address(1));
        c.fund(source, "2");
        c.fund(source, "100", DevChain.TOKEN_ID);
        c.mine(3);
        await().atMost(Duration.ofSeconds(30)).until(() -> Support.json(org.client().get(
                "/v2/transactions?statuses=Completed&wallet_ids=" + wallet.walletId())).at("/pagination/total_count")
                .asInt() == 2);
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

    /**
     * From one address: 20 concurrent withdrawals get 20 consecutive nonces and all complete; then concurrent
     * withdrawals summing to more than the balance: the excess is refused (12007), the balance never goes negative,
     * and at the end the ledger equals the chain.
     */
    @Test
    void concurrentWithdrawalsFromOneAddress() throws Exception {
        String from = wallet.address(1);
        chain.fund(from, "1");
        chain.mine(3);
        await().atMost(Duration.ofSeconds(30)).until(() -> lastBalanceOrNull(from, "DEV_ETH") != null
                && lastBalance(from, "DEV_ETH").get("total").asText().equals("1"));
        String to = randomAddress();
        List<Response> answers = concurrently(20, i -> transfer(UUID.randomUUID().toString(), "DEV_ETH", to, "0.001", from));
        List<String> ids = answers.stream().peek(r -> assertEquals(201, r.statusCode(), r.asString()))
                .map(r -> r.jsonPath().getString("transaction_id")).toList();
        List<Long> nonces = new ArrayList<>();
        for (String id : ids) {
            nonces.add(mineUntil(id, "Completed").at("/raw_tx_info/used_nonce").asLong());
        }
        nonces.sort(Long::compare);
        for (int i = 1; i < nonces.size(); i++) {
            assertEquals(nonces.get(0) + i, nonces.get(i), "consecutive nonces, no gap, no reuse: " + nonces);
        }
        assertEquals(new BigInteger("20000000000000000"), chain.balance(to));

        // about 0.98 left: five of 0.3 cannot all pass
        List<Response> many = concurrently(5, i -> transfer(UUID.randomUUID().toString(), "DEV_ETH", randomAddress(),
                "0.3", from));
        List<String> accepted = new ArrayList<>();
        for (Response r : many) {
            if (r.statusCode() == 201) {
                accepted.add(r.jsonPath().getString("transaction_id"));
            } else {
                assertEquals(400, r.statusCode(), r.asString());
                assertEquals(12007, r.jsonPath().getInt("error_code"));
            }
        }
        assertEquals(3, accepted.size(), "0.98 covers three of 0.3 with their fees, not four");
        for (String id : accepted) {
            mineUntil(id, "Completed");
        }
        JsonNode end = lastBalance(from, "DEV_ETH");
        assertEquals(chain.balance(from), units(end.get("total").asText(), 18), "the ledger equals the chain");
        assertEquals("0", end.get("locked").asText());
        assertTrue(new BigDecimal(end.get("available").asText()).signum() >= 0);
    }

    private static List<Response> concurrently(int n, java.util.function.IntFunction<Response> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<Response>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int k = i;
                futures.add(pool.submit((Callable<Response>) () -> call.apply(k)));
            }
            List<Response> out = new ArrayList<>();
            for (Future<Response> f : futures) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void estimateFeeGivesTheThreeEip1559Levels() {
        String w = wallet.walletId().toString();
        Response r = org.client().post("/v2/transactions/estimate_fee", "{\"request_type\":\"Transfer\",\"token_id\":"
                + "\"DEV_ETH_USDT\",\"source\":{\"source_type\":\"Org-Controlled\",\"wallet_id\":\"" + w + "\"}}");
        assertEquals(201, r.statusCode(), r.asString());
        JsonNode fee = Support.json(r);
        assertEquals("EVM_EIP_1559", fee.get("fee_type").asText());
        assertEquals("DEV_ETH", fee.get("token_id").asText());
        BigInteger previous = BigInteger.ZERO;
        for (String level : List.of("slow", "recommended", "fast")) {
            JsonNode l = fee.get(level);
            BigInteger maxFee = new BigInteger(l.get("max_fee_per_gas").asText());
            assertTrue(maxFee.compareTo(previous) > 0, level + " costs more than the level before");
            assertTrue(new BigInteger(l.get("max_priority_fee_per_gas").asText()).compareTo(maxFee) <= 0);
            assertEquals("100000", l.get("gas_limit").asText(), "a token transfer's gas limit");
            assertEquals(0, new BigDecimal(maxFee.multiply(BigInteger.valueOf(100_000)), 18)
                    .compareTo(new BigDecimal(l.get("reserved_fee").asText())));
            previous = maxFee;
        }
        assertEquals(12002, org.client().post("/v2/transactions/estimate_fee",
                "{\"request_type\":\"Transfer\",\"token_id\":\"BTC\"}").jsonPath().getInt("error_code"));
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

    private JsonNode lastBalanceOrNull(String address, String token) {
        try {
            return lastBalance(address, token);
        } catch (IndexOutOfBoundsException e) {
            return null;
        }
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
