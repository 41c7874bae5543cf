package io.openwaas.testkit.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Plain Ethereum JSON-RPC to a dev chain, and its faucet: what a test needs to fund an address, mine, and read
 * balances. {@link #fund} runs {@code devchain/faucet.mjs}, the script behind {@code bin/waas faucet}.
 */
public final class DevChainClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BALANCE_OF = "0x70a08231"; // balanceOf(address)

    private final String rpcUrl;
    private final boolean manualMining;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicLong ids = new AtomicLong();

    /**
     * @param rpcUrl       the chain's JSON-RPC URL
     * @param manualMining whether the chain mines only when asked ({@code --no-mining}): then {@link #fund} does not
     *                     wait for the receipt
     */
    public DevChainClient(String rpcUrl, boolean manualMining) {
        this.rpcUrl = rpcUrl;
        this.manualMining = manualMining;
    }

    public String rpcUrl() {
        return rpcUrl;
    }

    /** One JSON-RPC call; its {@code result}. An error answer throws {@link DevChainException} with its message. */
    public JsonNode call(String method, Object... params) {
        ObjectNode request = JSON.createObjectNode().put("jsonrpc", "2.0").put("id", ids.incrementAndGet())
                .put("method", method);
        request.set("params", JSON.valueToTree(params));
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(rpcUrl))
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(request))).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode answer = JSON.readTree(response.body());
            if (answer.hasNonNull("error")) {
                throw new DevChainException(method + ": " + answer.get("error").path("message").asText()
                        + (answer.get("error").has("data") ? " (" + answer.get("error").get("data") + ")" : ""));
            }
            return answer.path("result");
        } catch (IOException e) {
            throw new UncheckedIOException(method + " to " + rpcUrl + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DevChainException(method + " interrupted");
        }
    }

    public long chainId() {
        return quantity(call("eth_chainId")).longValueExact();
    }

    public long blockNumber() {
        return quantity(call("eth_blockNumber")).longValueExact();
    }

    /** Mines {@code blocks} blocks at once ({@code anvil_mine}). */
    public void mine(int blocks) {
        call("anvil_mine", "0x" + Integer.toHexString(blocks));
    }

    /**
     * Replaces the last {@code depth} blocks with as many new empty ones ({@code anvil_reorg}): the transactions they
     * held are gone, the height stays. For replacement blocks with transactions, {@code call("anvil_reorg", depth,
     * List.of(List.of(tx, blockOffset), …))}.
     */
    public void reorg(int depth) {
        call("anvil_reorg", depth, List.of());
    }

    /** Removes the last {@code depth} blocks ({@code anvil_rollback}): the height goes back by {@code depth}. */
    public void rollback(int depth) {
        call("anvil_rollback", depth);
    }

    /** The address's balance of dev ETH in wei, at the latest block ({@code eth_getBalance}). */
    public BigInteger balance(String address) {
        return quantity(call("eth_getBalance", address, "latest"));
    }

    /** The address's balance of an ERC-20 in base units ({@code eth_call balanceOf(address)}). */
    public BigInteger tokenBalance(String token, String address) {
        String data = BALANCE_OF + word(address);
        return quantity(call("eth_call", JSON.createObjectNode().put("to", token).put("data", data), "latest"));
    }

    /** The code at an address ({@code 0x} when none). */
    public String code(String address) {
        return call("eth_getCode", address, "latest").asText();
    }

    /** A transaction's receipt, or {@code null} while it is not mined. */
    public JsonNode receipt(String txHash) {
        JsonNode r = call("eth_getTransactionReceipt", txHash);
        return r.isNull() ? null : r;
    }

    /**
     * Sends {@code amount} (whole units as a decimal string, e.g. {@code "1.5"}) of {@code tokenId} ({@code DEV_ETH} or
     * {@code DEV_ETH_USDT}) from account 0 to {@code address} with the faucet script; returns the transaction hash
     * once it is mined (on a chain that mines only when asked: once the node took it). A refused request (bad address
     * or amount, unknown token, too small a balance) throws {@link DevChainException} with the faucet's message.
     */
    public String fund(String address, String amount, String tokenId) {
        List<String> args = new ArrayList<>(List.of("--rpc", rpcUrl));
        if (manualMining) {
            args.add("--no-wait");
        }
        args.addAll(List.of("--", address, amount, tokenId));
        Command.Result r;
        try {
            r = DevChainPackages.node("faucet.mjs", args, Duration.ofSeconds(60));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!r.ok()) {
            throw new DevChainException(r.stderr().strip());
        }
        return r.stdout().strip();
    }

    /** {@link #fund(String, String, String)} of dev ETH. */
    public String fund(String address, String amount) {
        return fund(address, amount, DevChain.NATIVE_TOKEN_ID);
    }

    static BigInteger quantity(JsonNode hex) {
        String s = hex.asText();
        if (s.equals("0x")) {
            return BigInteger.ZERO;
        }
        if (!s.startsWith("0x")) {
            throw new DevChainException("not a hex quantity: " + hex);
        }
        return new BigInteger(s.substring(2), 16);
    }

    private static String word(String address) {
        String hex = address.toLowerCase(Locale.ROOT).replaceFirst("^0x", "");
        if (!hex.matches("[0-9a-f]{40}")) {
            throw new IllegalArgumentException("not an address: " + address);
        }
        return "0".repeat(24) + hex;
    }

    /** An error answer of the chain or its scripts. */
    public static final class DevChainException extends RuntimeException {
        public DevChainException(String message) {
            super(message);
        }
    }
}
