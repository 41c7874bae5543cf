package io.openwaas.testkit.infra;

import com.fasterxml.jackson.databind.JsonNode;
import io.openwaas.crypto.address.Addresses;
import io.openwaas.crypto.hash.Hashes;
import io.openwaas.crypto.util.Hex;
import io.openwaas.testkit.infra.DevChainClient.DevChainException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real anvil from devchain/ with DEV_ETH_USDT deployed by devchain/deploy.mjs; every check reads the chain with raw
 * JSON-RPC, never through the scripts under test.
 */
class DevChainTest {

    private static final BigInteger SUPPLY = BigInteger.valueOf(1_000_000_000L).multiply(BigInteger.TEN.pow(6));
    private static final String ACCOUNT_1 = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8"; // anvil's dev account 1
    private static final SecureRandom RANDOM = new SecureRandom();

    private static DevChain chain;
    private static DevChainClient rpc;

    @BeforeAll
    static void startChain() throws IOException {
        chain = DevChain.builder().mining(DevChain.Mining.every(Duration.ofMillis(200))).start();
        rpc = chain.client();
    }

    @AfterAll
    static void stopChain() {
        chain.close();
    }

    @Test
    void tokenIsDeployedAtAccountZerosFirstContractCreationWithTheCompiledCode() throws IOException {
        assertEquals(31337, rpc.chainId());
        // keccak256(rlp([account 0, nonce 0]))[12..], computed here with libs/crypto
        byte[] rlp = new byte[23];
        rlp[0] = (byte) 0xd6;
        rlp[1] = (byte) 0x94;
        System.arraycopy(Hex.decode(DevChain.ACCOUNT_0.substring(2)), 0, rlp, 2, 20);
        rlp[22] = (byte) 0x80;
        byte[] hash = Hashes.keccak256(rlp);
        assertEquals(DevChain.TOKEN_ADDRESS, Addresses.eip55(java.util.Arrays.copyOfRange(hash, 12, 32)));
        assertEquals("0x5FbDB2315678afecb367f032d93F642f64180aa3", DevChain.TOKEN_ADDRESS); // the catalogue's

        String compiled = compiledRuntimeCode();
        assertTrue(compiled.length() > 1000, compiled);
        assertEquals(compiled, rpc.code(DevChain.TOKEN_ADDRESS));
        assertEquals(BigInteger.valueOf(6), call("decimals()"));
        assertEquals(SUPPLY, call("totalSupply()"));
        assertEquals("USDT", abiString(rpc.call("eth_call", Map.of("to", DevChain.TOKEN_ADDRESS,
                "data", "0x" + selector("symbol()")), "latest").asText()));
        // the deploy was account 0's transaction number 0, and it holds the supply less what the tests sent
        assertTrue(accountZeroNonce() >= 1);
        JsonNode creation = firstTransaction();
        assertEquals("0x0", creation.get("nonce").asText());
        assertTrue(creation.get("to").isNull());
        assertEquals(DevChain.ACCOUNT_0.toLowerCase(), creation.get("from").asText());
    }

    @Test
    void faucetSendsExactlyTheAmountOfEthAndOfTheToken() {
        String to = newAddress();
        BigInteger ethBefore = rpc.balance(DevChain.ACCOUNT_0);
        String ethTx = rpc.fund(to, "1.000000000000000001");
        assertEquals(new BigInteger("1000000000000000001"), rpc.balance(to));
        JsonNode ethReceipt = rpc.receipt(ethTx);
        assertEquals("0x1", ethReceipt.get("status").asText());
        BigInteger fee = DevChainClient.quantity(ethReceipt.get("gasUsed"))
                .multiply(DevChainClient.quantity(ethReceipt.get("effectiveGasPrice")));
        assertEquals(ethBefore.subtract(new BigInteger("1000000000000000001")).subtract(fee),
                rpc.balance(DevChain.ACCOUNT_0));

        BigInteger tokensBefore = rpc.tokenBalance(DevChain.TOKEN_ADDRESS, DevChain.ACCOUNT_0);
        String tokenTx = rpc.fund(to.toLowerCase(), "12.345678", DevChain.TOKEN_ID);
        rpc.fund(to, "0.000001", DevChain.TOKEN_ID);
        assertEquals(BigInteger.valueOf(12_345_679), rpc.tokenBalance(DevChain.TOKEN_ADDRESS, to));
        assertEquals(tokensBefore.subtract(BigInteger.valueOf(12_345_679)),
                rpc.tokenBalance(DevChain.TOKEN_ADDRESS, DevChain.ACCOUNT_0));
        assertEquals(new BigInteger("1000000000000000001"), rpc.balance(to), "a token transfer moves no ETH");

        // the Transfer event a deposit watcher reads
        JsonNode logs = rpc.receipt(tokenTx).get("logs");
        assertEquals(1, logs.size());
        JsonNode log = logs.get(0);
        assertEquals(DevChain.TOKEN_ADDRESS.toLowerCase(), log.get("address").asText());
        assertEquals("0x" + Hex.encode(Hashes.keccak256("Transfer(address,address,uint256)".getBytes(StandardCharsets.US_ASCII))),
                log.get("topics").get(0).asText());
        assertEquals(word(DevChain.ACCOUNT_0), log.get("topics").get(1).asText().substring(2));
        assertEquals(word(to), log.get("topics").get(2).asText().substring(2));
        assertEquals(BigInteger.valueOf(12_345_678), DevChainClient.quantity(log.get("data")));
    }

    @Test
    void approveAndTransferFromSpendTheAllowance() {
        String to = newAddress();
        String approve = send(DevChain.ACCOUNT_0, "approve(address,uint256)", word(ACCOUNT_1) + word(BigInteger.valueOf(5)));
        assertEquals("0x1", awaitReceipt(approve).get("status").asText());
        assertEquals(BigInteger.valueOf(5), call("allowance(address,address)", word(DevChain.ACCOUNT_0) + word(ACCOUNT_1)));

        String spend = send(ACCOUNT_1, "transferFrom(address,address,uint256)",
                word(DevChain.ACCOUNT_0) + word(to) + word(BigInteger.valueOf(3)));
        assertEquals("0x1", awaitReceipt(spend).get("status").asText());
        assertEquals(BigInteger.valueOf(3), rpc.tokenBalance(DevChain.TOKEN_ADDRESS, to));
        assertEquals(BigInteger.valueOf(2), call("allowance(address,address)", word(DevChain.ACCOUNT_0) + word(ACCOUNT_1)));

        String overspend = word(DevChain.ACCOUNT_0) + word(to) + word(BigInteger.valueOf(3));
        DevChainException over = assertThrows(DevChainException.class,
                () -> simulate(ACCOUNT_1, "transferFrom(address,address,uint256)", overspend));
        assertTrue(over.getMessage().contains("DevUSDT: insufficient allowance"), over.getMessage());
        assertEquals("0x0", awaitReceipt(sendWithGas(ACCOUNT_1, "transferFrom(address,address,uint256)", overspend))
                .get("status").asText(), "reverted");
        String beyondBalance = word(to) + word(BigInteger.ONE);
        DevChainException tooMuch = assertThrows(DevChainException.class,
                () -> simulate(ACCOUNT_1, "transfer(address,uint256)", beyondBalance));
        assertTrue(tooMuch.getMessage().contains("DevUSDT: transfer amount exceeds balance"), tooMuch.getMessage());
        assertEquals("0x0", awaitReceipt(sendWithGas(ACCOUNT_1, "transfer(address,uint256)", beyondBalance))
                .get("status").asText(), "reverted");
        assertEquals(BigInteger.valueOf(3), rpc.tokenBalance(DevChain.TOKEN_ADDRESS, to));
        assertEquals(BigInteger.valueOf(2), call("allowance(address,address)", word(DevChain.ACCOUNT_0) + word(ACCOUNT_1)));
    }

    @Test
    void faucetRefusesBadRequestsAndSendsNothing() {
        long nonce = accountZeroNonce();
        String to = newAddress();
        Map<List<String>, String> refused = Map.of(
                List.of(to, "1.0000001", DevChain.TOKEN_ID), "at most 6 decimal places",
                List.of(to, "1e3", DevChain.NATIVE_TOKEN_ID), "invalid amount '1e3'",
                List.of(to, "-1", DevChain.NATIVE_TOKEN_ID), "invalid amount '-1'",
                List.of(to, "0", DevChain.NATIVE_TOKEN_ID), "must be more than 0",
                List.of("0x1234", "1", DevChain.NATIVE_TOKEN_ID), "expected 0x and 40 hex digits",
                List.of("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD", "1", DevChain.NATIVE_TOKEN_ID), "EIP-55 checksum",
                List.of(to, "1", "ETH_USDT"), "unknown token 'ETH_USDT'",
                List.of(to, "2000000000", DevChain.TOKEN_ID), "account 0 holds",
                List.of(to, "100000000", DevChain.NATIVE_TOKEN_ID), "Insufficient funds");
        refused.forEach((args, reason) -> {
            DevChainException e = assertThrows(DevChainException.class, () -> rpc.fund(args.get(0), args.get(1), args.get(2)),
                    args.toString());
            assertTrue(e.getMessage().startsWith("faucet: ") && e.getMessage().contains(reason), e.getMessage());
        });
        assertEquals(nonce, accountZeroNonce(), "account 0 sent nothing");
        assertEquals(BigInteger.ZERO, rpc.balance(to));
        assertEquals(BigInteger.ZERO, rpc.tokenBalance(DevChain.TOKEN_ADDRESS, to));
    }

    @Test
    void restartWithItsStateContinuesTheSameChain() throws IOException {
        try (DevChain own = DevChain.builder().mining(DevChain.Mining.perTransaction()).start()) {
            DevChainClient c = own.client();
            String to = newAddress();
            c.fund(to, "2.5");
            c.fund(to, "7", DevChain.TOKEN_ID);
            c.mine(5);
            long height = c.blockNumber();
            String code = c.code(DevChain.TOKEN_ADDRESS);
            String head = c.call("eth_getBlockByNumber", "latest", false).get("hash").asText();

            own.stop();
            assertFalse(own.isRunning());
            assertTrue(Files.size(own.stateFile()) > 0, "SIGTERM writes the state");
            own.start();

            assertTrue(c.blockNumber() >= height);
            assertEquals(head, c.call("eth_getBlockByNumber", "0x" + Long.toHexString(height), false).get("hash").asText());
            assertEquals(code, c.code(DevChain.TOKEN_ADDRESS));
            assertEquals(new BigInteger("2500000000000000000"), c.balance(to));
            assertEquals(BigInteger.valueOf(7_000_000), c.tokenBalance(DevChain.TOKEN_ADDRESS, to));
            long nonce = DevChainClient.quantity(c.call("eth_getTransactionCount", DevChain.ACCOUNT_0, "latest")).longValueExact();
            assertEquals(DevChain.TOKEN_ADDRESS, own.deployToken(), "found and checked, not deployed again");
            assertEquals(nonce, DevChainClient.quantity(c.call("eth_getTransactionCount", DevChain.ACCOUNT_0, "latest"))
                    .longValueExact());
            // and the restarted chain goes on working
            c.fund(to, "0.5");
            assertEquals(new BigInteger("3000000000000000000"), c.balance(to));
        }
    }

    @Test
    void onDemandMiningMinesOnlyWhenAsked() throws IOException {
        try (DevChain own = DevChain.builder().mining(DevChain.Mining.onDemand()).start()) {
            DevChainClient c = own.client();
            assertEquals(DevChain.TOKEN_ADDRESS.toLowerCase(), c.call("eth_getTransactionReceipt",
                    c.call("eth_getTransactionByBlockNumberAndIndex", "0x1", "0x0").get("hash").asText())
                    .get("contractAddress").asText());
            long height = c.blockNumber();
            String to = newAddress();
            String tx = c.fund(to, "1");
            assertNull(c.receipt(tx), "not mined until asked");
            assertEquals(height, c.blockNumber());
            c.mine(1);
            assertNotNull(c.receipt(tx));
            assertEquals(BigInteger.TEN.pow(18), c.balance(to));
        }
    }

    @Test
    void reorgAndRollbackTakeAMinedTransferAway() throws IOException {
        try (DevChain own = DevChain.builder().mining(DevChain.Mining.perTransaction()).start()) {
            DevChainClient c = own.client();
            String to = newAddress();
            String tx = c.fund(to, "1");
            long minedIn = DevChainClient.quantity(c.receipt(tx).get("blockNumber")).longValueExact();
            c.mine(2);
            long height = c.blockNumber();
            String hashBefore = c.call("eth_getBlockByNumber", "0x" + Long.toHexString(minedIn), false).get("hash").asText();

            c.reorg(3);
            assertEquals(height, c.blockNumber(), "a reorg keeps the height");
            assertFalse(hashBefore.equals(c.call("eth_getBlockByNumber", "0x" + Long.toHexString(minedIn), false)
                    .get("hash").asText()), "the block that held the transfer is replaced");
            assertNull(c.receipt(tx));
            assertEquals(BigInteger.ZERO, c.balance(to));

            c.fund(to, "2");
            c.rollback(1);
            assertEquals(height, c.blockNumber());
            assertEquals(BigInteger.ZERO, c.balance(to));
        }
    }

    @Test
    void deployRefusesAChainWhereAccountZeroAlreadySentATransaction() throws IOException {
        try (DevChain own = DevChain.builder().mining(DevChain.Mining.perTransaction()).deployToken(false).start()) {
            own.client().fund(newAddress(), "1");
            IOException e = assertThrows(IOException.class, own::deployToken);
            assertTrue(e.getMessage().contains("has already sent 1 transaction(s)"), e.getMessage());
            assertEquals("0x", own.client().code(DevChain.TOKEN_ADDRESS));
        }
    }

    @Test
    void installNamesMissingNpm() throws IOException {
        // a copy of devchain/ without node_modules, on a PATH with node but no npm
        Path dir = KafkaTestResource.testDirectory("npm-missing-");
        Path copy = Files.createDirectories(dir.resolve("devchain"));
        for (String f : List.of("install", "package.json", "package-lock.json", ".npmrc")) {
            Files.copy(DevChainPackages.directory().resolve(f), copy.resolve(f));
        }
        Path bin = Files.createDirectories(dir.resolve("bin"));
        for (String tool : List.of("dirname", "uname", "cat", "sha256sum", "cut", "node")) {
            Files.createSymbolicLink(bin.resolve(tool), which(tool));
        }
        Command.Result r = new Command(List.of(which("env").toString(), "PATH=" + bin, which("bash").toString(),
                copy.resolve("install").toString()), dir, Duration.ofSeconds(30)).run("env is needed");
        assertEquals(1, r.exitCode(), r.stdout());
        assertTrue(r.stderr().contains("npm is needed"), r.stderr());
        assertFalse(Files.exists(copy.resolve("node_modules")));
        Trees.deleteQuietly(dir);
    }

    @Test
    void aChainThatAKilledTestJvmLeftRunningIsKilledByTheNextStart() throws Exception {
        Path base = KafkaTestResource.testDirectory("orphans-");
        DevChain orphan = DevChain.builder().directory(base.resolve("devchain-left")).mining(DevChain.Mining.perTransaction())
                .deployToken(false).start();
        DevChain.reapOrphans(base);
        assertTrue(orphan.isRunning(), "its owner (this JVM) is alive");
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Files.writeString(orphan.directory().resolve("owner.pid"), Long.toString(gone.pid()));
        DevChain.reapOrphans(base);
        assertFalse(runningAfterAWhile(orphan), "its owner is gone: killed");
        orphan.kill();
        Trees.deleteQuietly(base);
    }

    @Test
    void theQuarkusTestResourceSharesOneChainPerJvm() {
        DevChainTestResource resource = new DevChainTestResource();
        resource.init(Map.of("mining", "per-transaction", "rpc-url-property", "my.rpc"));
        Map<String, String> config = resource.start();
        DevChainClient c = DevChainTestResource.client();
        assertEquals(c.rpcUrl(), config.get("my.rpc"));
        assertEquals(DevChain.TOKEN_ADDRESS, config.get(DevChainTestResource.TOKEN_ADDRESS_PROPERTY));
        assertTrue(c.code(DevChain.TOKEN_ADDRESS).length() > 1000, "the token is deployed");
        String to = newAddress();
        c.fund(to, "3", DevChain.TOKEN_ID);
        assertEquals(BigInteger.valueOf(3_000_000), c.tokenBalance(DevChain.TOKEN_ADDRESS, to));
        assertEquals(config, resource.start(), "the same chain again");
        DevChainTestResource other = new DevChainTestResource();
        other.init(Map.of("mining", "on-demand"));
        IllegalStateException e = assertThrows(IllegalStateException.class, other::start);
        assertTrue(e.getMessage().contains("one mining mode per module"), e.getMessage());
    }

    @Test
    void miningOptionsOfTheTestResource() {
        assertEquals(DevChain.Mining.every(Duration.ofSeconds(1)), DevChainTestResource.parseMining("1s"));
        assertEquals(DevChain.Mining.every(Duration.ofMillis(500)), DevChainTestResource.parseMining("0.5s"));
        assertEquals(DevChain.Mining.every(Duration.ofMillis(200)), DevChainTestResource.parseMining("200ms"));
        assertEquals(DevChain.Mining.onDemand(), DevChainTestResource.parseMining("on-demand"));
        assertEquals(DevChain.Mining.perTransaction(), DevChainTestResource.parseMining("per-transaction"));
        assertThrows(IllegalArgumentException.class, () -> DevChainTestResource.parseMining("fast"));
        assertThrows(IllegalArgumentException.class, () -> DevChainTestResource.parseMining("0s"));
        assertEquals(List.of("--block-time", "0.200"), DevChain.Mining.every(Duration.ofMillis(200)).args());
    }

    // ---------------------------------------------------------------------------------------------------------------

    private static String compiledRuntimeCode() throws IOException {
        String script = "import { compile } from './lib/compile.mjs'; "
                + "process.stdout.write(compile('DevUSDT').deployedBytecode);";
        Command.Result r = new Command(List.of("node", "--input-type=module", "-e", script), DevChainPackages.directory(),
                Duration.ofMinutes(2)).run("node is needed");
        assertEquals(0, r.exitCode(), r.stderr());
        return r.stdout().strip();
    }

    /** The chain's first transaction (blocks are mined every 200 ms, so not necessarily in block 1). */
    private static JsonNode firstTransaction() {
        for (long n = 1; n <= rpc.blockNumber(); n++) {
            JsonNode txs = rpc.call("eth_getBlockByNumber", "0x" + Long.toHexString(n), true).get("transactions");
            if (!txs.isEmpty()) {
                return txs.get(0);
            }
        }
        throw new AssertionError("no transaction on the chain");
    }

    private static long accountZeroNonce() {
        return DevChainClient.quantity(rpc.call("eth_getTransactionCount", DevChain.ACCOUNT_0, "latest")).longValueExact();
    }

    private static BigInteger call(String signature) {
        return call(signature, "");
    }

    private static BigInteger call(String signature, String args) {
        return DevChainClient.quantity(rpc.call("eth_call",
                Map.of("to", DevChain.TOKEN_ADDRESS, "data", "0x" + selector(signature) + args), "latest"));
    }

    /** eth_sendTransaction from an unlocked dev account to the token; the hash. */
    private static String send(String from, String signature, String args) {
        return rpc.call("eth_sendTransaction", Map.of("from", from, "to", DevChain.TOKEN_ADDRESS,
                "data", "0x" + selector(signature) + args)).asText();
    }

    /** The same with a fixed gas limit, so that the node does not refuse it when its gas estimate reverts. */
    private static String sendWithGas(String from, String signature, String args) {
        return rpc.call("eth_sendTransaction", Map.of("from", from, "to", DevChain.TOKEN_ADDRESS, "gas", "0x30000",
                "data", "0x" + selector(signature) + args)).asText();
    }

    /** eth_call from an account: throws with the revert reason. */
    private static void simulate(String from, String signature, String args) {
        rpc.call("eth_call", Map.of("from", from, "to", DevChain.TOKEN_ADDRESS,
                "data", "0x" + selector(signature) + args), "latest");
    }

    private static JsonNode awaitReceipt(String hash) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode r = rpc.receipt(hash);
            if (r != null) {
                return r;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError(hash + " not mined");
    }

    private static String selector(String signature) {
        return Hex.encode(Hashes.keccak256(signature.getBytes(StandardCharsets.US_ASCII))).substring(0, 8);
    }

    private static String word(String address) {
        return "0".repeat(24) + address.substring(2).toLowerCase();
    }

    private static String word(BigInteger value) {
        String hex = value.toString(16);
        return "0".repeat(64 - hex.length()) + hex;
    }

    private static String abiString(String hex) {
        byte[] b = Hex.decode(hex.substring(2));
        int length = new BigInteger(1, java.util.Arrays.copyOfRange(b, 32, 64)).intValueExact();
        return new String(b, 64, length, StandardCharsets.UTF_8);
    }

    /** A fresh address nobody holds a key of: nothing has ever been sent to it. */
    private static String newAddress() {
        byte[] a = new byte[20];
        RANDOM.nextBytes(a);
        return Addresses.eip55(a);
    }

    private static boolean runningAfterAWhile(DevChain c) throws InterruptedException {
        for (int i = 0; i < 100 && c.isRunning(); i++) {
            Thread.sleep(50);
        }
        return c.isRunning();
    }

    private static Path which(String tool) throws IOException {
        for (String d : System.getenv("PATH").split(":")) {
            Path p = Path.of(d, tool);
            if (Files.isExecutable(p)) {
                return p.toRealPath();
            }
        }
        throw new IOException(tool + " not on PATH");
    }
}
