package io.openwaas.transaction.chain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
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
 * A blocking Ethereum JSON-RPC client for the few calls the chain follower needs (blocks with their transactions,
 * receipts, logs). Quantities are parsed exactly ({@link BigInteger}); hashes and addresses are returned in lower
 * case. Call it from a worker thread, never from an event loop.
 */
public final class EvmRpc {

    /** A block with its transactions. */
    public record Block(long number, String hash, String parentHash, long timestampMs, List<Tx> transactions) {
    }

    /** A transaction of a block: {@code to} is null for a contract creation. */
    public record Tx(String hash, String from, String to, BigInteger value) {
    }

    /** An event log. */
    public record Log(String txHash, int logIndex, String address, List<String> topics, String data) {
    }

    /** A mined transaction's receipt. */
    public record Receipt(int status, long blockNumber, String blockHash, BigInteger gasUsed,
                          BigInteger effectiveGasPrice) {
    }

    /** The node did not answer, or answered with an error. */
    public static final class RpcException extends RuntimeException {
        public RpcException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final URI url;
    private final ObjectMapper mapper;
    private final HttpClient http;
    private final Duration timeout;
    private final AtomicLong ids = new AtomicLong();

    public EvmRpc(String url, ObjectMapper mapper, Duration timeout) {
        this.url = URI.create(url);
        this.mapper = mapper;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    public long chainId() {
        return quantity(call("eth_chainId")).longValueExact();
    }

    public long blockNumber() {
        return quantity(call("eth_blockNumber")).longValueExact();
    }

    /** The block at a height with its transactions, or null if the node has none there (yet). */
    public Block block(long number) {
        JsonNode b = call("eth_getBlockByNumber", "0x" + Long.toHexString(number), true);
        if (b == null || b.isNull()) {
            return null;
        }
        List<Tx> txs = new ArrayList<>();
        for (JsonNode t : b.path("transactions")) {
            JsonNode to = t.get("to");
            txs.add(new Tx(lower(t.get("hash").asText()), lower(t.get("from").asText()),
                    to == null || to.isNull() ? null : lower(to.asText()), quantity(t.get("value"))));
        }
        return new Block(quantity(b.get("number")).longValueExact(), lower(b.get("hash").asText()),
                lower(b.get("parentHash").asText()), quantity(b.get("timestamp")).longValueExact() * 1000, txs);
    }

    /** The hash of the block at a height, or null if the node has none there. */
    public String blockHash(long number) {
        JsonNode b = call("eth_getBlockByNumber", "0x" + Long.toHexString(number), false);
        return b == null || b.isNull() ? null : lower(b.get("hash").asText());
    }

    /** A transaction's receipt, or null while it is not mined. */
    public Receipt receipt(String txHash) {
        JsonNode r = call("eth_getTransactionReceipt", txHash);
        if (r == null || r.isNull()) {
            return null;
        }
        return new Receipt(quantity(r.get("status")).intValueExact(), quantity(r.get("blockNumber")).longValueExact(),
                lower(r.get("blockHash").asText()), quantity(r.get("gasUsed")), quantity(r.get("effectiveGasPrice")));
    }

    /** The address's transaction count including the node's pending pool: the next nonce it expects. */
    public BigInteger pendingNonce(String address) {
        return quantity(call("eth_getTransactionCount", address, "pending"));
    }

    /** The latest block's base fee per gas (wei). */
    public BigInteger baseFee() {
        JsonNode b = call("eth_getBlockByNumber", "latest", false);
        return quantity(b.get("baseFeePerGas"));
    }

    /** The node's suggested priority fee per gas (wei). */
    public BigInteger maxPriorityFeePerGas() {
        return quantity(call("eth_maxPriorityFeePerGas"));
    }

    /** Sends signed raw transaction bytes; returns the hash the node computed. */
    public String sendRawTransaction(String rawHex) {
        return lower(call("eth_sendRawTransaction", rawHex).asText());
    }

    /** The logs of one block (by hash, so a reorg cannot mix blocks) from some contracts with a first topic. */
    public List<Log> logs(String blockHash, List<String> addresses, String topic0) {
        ObjectNode filter = mapper.createObjectNode();
        filter.put("blockHash", blockHash);
        ArrayNode a = filter.putArray("address");
        addresses.forEach(a::add);
        filter.putArray("topics").add(topic0);
        List<Log> logs = new ArrayList<>();
        for (JsonNode l : call("eth_getLogs", filter)) {
            if (l.path("removed").asBoolean(false)) {
                continue;
            }
            List<String> topics = new ArrayList<>();
            l.path("topics").forEach(t -> topics.add(lower(t.asText())));
            logs.add(new Log(lower(l.get("transactionHash").asText()), quantity(l.get("logIndex")).intValueExact(),
                    lower(l.get("address").asText()), topics, lower(l.get("data").asText())));
        }
        return logs;
    }

    private JsonNode call(String method, Object... params) {
        ObjectNode body = mapper.createObjectNode();
        body.put("jsonrpc", "2.0");
        body.put("id", ids.incrementAndGet());
        body.put("method", method);
        ArrayNode p = body.putArray("params");
        for (Object param : params) {
            p.add(mapper.valueToTree(param));
        }
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(url).timeout(timeout)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(mapper.writeValueAsString(body))).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new RpcException(method + ": HTTP " + response.statusCode(), null);
            }
            JsonNode answer = mapper.readTree(response.body());
            if (answer.hasNonNull("error")) {
                throw new RpcException(method + ": " + answer.get("error").path("message").asText(), null);
            }
            return answer.get("result");
        } catch (IOException e) {
            throw new RpcException(method + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RpcException(method + ": interrupted", e);
        }
    }

    static BigInteger quantity(JsonNode hex) {
        if (hex == null || !hex.isTextual() || !hex.asText().startsWith("0x")) {
            throw new RpcException("not a hex quantity: " + hex, null);
        }
        String digits = hex.asText().substring(2);
        return digits.isEmpty() ? BigInteger.ZERO : new BigInteger(digits, 16);
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
