package io.openwaas.bench.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openwaas.bench.Metric;
import io.openwaas.bench.WaasApi;
import io.openwaas.crypto.address.Addresses;
import io.openwaas.crypto.ecdsa.Ecdsa;
import io.openwaas.crypto.ecdsa.EcdsaSignature;
import io.openwaas.crypto.hash.Hashes;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * Part of {@code bin/waas bench api}: server wallets (seed 001) through the gateway. {@code api.server_wallet.create_ms}
 * is the median wall time of {@code POST /api/wallets} for new users ({@code --server-wallets 3}; each a 2-of-2 key
 * generation by two TSS nodes); {@code api.server_wallet.sign.p50_ms} / {@code .p99_ms} of
 * {@code POST /api/wallets/{address}/sign}, one at a time ({@code --server-wallet-signatures 100} after 10 untimed).
 * Every signature is recovered (libs/crypto ECDSA recovery of the EIP-191 hash) and must give the wallet's address;
 * anything else counts in {@code api.server_wallet.errors}.
 */
final class ServerWalletBench {

    private static final HexFormat HEX = HexFormat.of();
    private static final int WARMUP = 10;

    private final WaasApi api;
    private final ObjectMapper mapper = new ObjectMapper();
    private int errors;

    ServerWalletBench(WaasApi api) {
        this.api = api;
    }

    List<Metric> run(int creates, int signatures) throws Exception {
        List<Metric> metrics = new ArrayList<>();
        double[] createMs = new double[creates];
        String address = null;
        for (int i = 0; i < creates; i++) {
            String user = "bench-" + UUID.randomUUID();
            long t0 = System.nanoTime();
            JsonNode w = api.post("/api/wallets", mapper.createObjectNode().put("userId", user));
            createMs[i] = (System.nanoTime() - t0) / 1e6;
            address = w.path("address").asText();
            System.err.printf("api: server wallet %d of %s: %.1f ms, %s%n", i + 1, user, createMs[i], address);
        }
        if (creates > 0) {
            metrics.add(Metric.of("api.server_wallet.create_ms", percentile(createMs, 50), "ms"));
        }
        if (address == null) {
            address = api.post("/api/wallets", mapper.createObjectNode().put("userId", "bench-" + UUID.randomUUID()))
                    .path("address").asText();
        }
        for (int i = 0; i < WARMUP; i++) {
            signOnce(address, i);
        }
        double[] ms = new double[signatures];
        for (int i = 0; i < signatures; i++) {
            ms[i] = signOnce(address, WARMUP + i);
        }
        metrics.add(Metric.of("api.server_wallet.sign.p50_ms", percentile(ms, 50), "ms"));
        metrics.add(Metric.of("api.server_wallet.sign.p99_ms", percentile(ms, 99), "ms"));
        metrics.add(Metric.of("api.server_wallet.errors", (long) errors, "count"));
        return metrics;
    }

    private double signOnce(String address, int i) throws Exception {
        String message = "bench message " + i + " " + UUID.randomUUID();
        long t0 = System.nanoTime();
        JsonNode r;
        try {
            r = api.post("/api/wallets/" + address + "/sign", mapper.createObjectNode().put("message", message));
        } catch (java.io.IOException e) {
            errors++;
            System.err.println("api: sign failed: " + e.getMessage());
            return (System.nanoTime() - t0) / 1e6;
        }
        double ms = (System.nanoTime() - t0) / 1e6;
        if (!address.equals(recover(message, r.path("signature").asText()))) {
            errors++;
            System.err.println("api: a signature does not recover to " + address);
        }
        return ms;
    }

    /** The EIP-55 address that signed an EIP-191 personal message (0x r s v). */
    static String recover(String message, String signature) {
        byte[] sig = HEX.parseHex(signature.substring(2));
        byte[] hash = Hashes.ethPersonalMessage(message.getBytes(StandardCharsets.UTF_8));
        EcdsaSignature s = new EcdsaSignature(new BigInteger(1, Arrays.copyOfRange(sig, 0, 32)),
                new BigInteger(1, Arrays.copyOfRange(sig, 32, 64)), (sig[64] & 0xff) - 27);
        return Addresses.evm(Ecdsa.recover(hash, s));
    }

    private static double percentile(double[] values, int p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int idx = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, idx))];
    }
}
