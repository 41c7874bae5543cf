package io.openwaas.bench.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openwaas.bench.Metric;
import io.openwaas.crypto.address.AddressEncoding;
import io.openwaas.crypto.address.Addresses;
import io.openwaas.crypto.hd.DerivationPath;
import io.openwaas.crypto.hd.ExtendedPublicKey;
import io.openwaas.platform.auth.CurveType;
import io.openwaas.platform.auth.ResponseSignature;
import io.openwaas.testkit.auth.ApiKeyPair;
import io.openwaas.testkit.auth.CoboAuthSigner;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Part of {@code bin/waas bench api}: {@code POST /v2/wallets/{id}/addresses} with {@code count} 1000 through the
 * gateway, timed from sending the request to the last byte of the 201 answer (the request's wall time as the client
 * sees it). Metrics {@code api.create_addresses.1000.p2wpkh_ms} (BTC, {@code ENCODING_BECH32}) and
 * {@code api.create_addresses.1000.evm_ms} (ETH): the median of {@code --address-runs 5} timed runs after one
 * untimed warm-up per kind, each printed as {@code .run_N} too; {@code api.create_addresses.errors}.
 *
 * <p>It needs a vault with keys. By default it makes one as a customer would: a new Org-Controlled vault, a 2-of-3
 * {@code MainGroup} of tss-node-0, -1 and -2, a {@code KeyGen} TSS request polled until {@code Success}; with
 * {@code --address-vault <vault_id>} it uses that vault (which must have its root keys). Then a new wallet takes the
 * addresses. Every answer's response signature is verified, and every address of every run is re-derived from the
 * vault's root {@code xpub} with libs/crypto (outside the timing) — a wrong address counts as an error.
 */
final class AddressBench {

    static final int COUNT = 1000;
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final List<String> NODES = List.of("tss-node-0", "tss-node-1", "tss-node-2");

    private final HttpClient http;
    private final CoboAuthSigner signer;
    private final Credentials credentials;
    private final ObjectMapper mapper = new ObjectMapper();
    private int errors;

    AddressBench(HttpClient http, Credentials credentials) {
        this.http = http;
        this.credentials = credentials;
        this.signer = new CoboAuthSigner(ApiKeyPair.fromSecretHex(CurveType.ED25519, credentials.apiSecret()));
    }

    List<Metric> run(int runs, String existingVault) throws Exception {
        String vault = existingVault != null ? existingVault : keyedVault();
        String xpub = null;
        for (JsonNode rk : call("GET", "/v2/wallets/mpc/vaults/" + vault, null).path("root_pubkeys")) {
            if ("SECP256K1".equals(rk.path("curve").asText())) {
                xpub = rk.path("root_pubkey").asText();
            }
        }
        if (xpub == null || xpub.isEmpty()) {
            throw new IOException("vault " + vault + " has no SECP256K1 root key");
        }
        String wallet = call("POST", "/v2/wallets", "{\"name\":\"bench addresses\",\"wallet_type\":\"MPC\","
                + "\"wallet_subtype\":\"Org-Controlled\",\"vault_id\":\"" + vault + "\"}").path("wallet_id").asText();
        System.err.printf("api: addresses in vault %s, wallet %s%n", vault, wallet);
        ExtendedPublicKey root = ExtendedPublicKey.parse(xpub);
        List<Metric> metrics = new ArrayList<>();
        metrics.addAll(kind("p2wpkh", wallet, root, "BTC", AddressEncoding.P2WPKH, runs));
        metrics.addAll(kind("evm", wallet, root, "ETH", AddressEncoding.DEFAULT, runs));
        metrics.add(Metric.of("api.create_addresses.errors", (long) errors, "count"));
        return metrics;
    }

    private List<Metric> kind(String name, String wallet, ExtendedPublicKey root, String chain,
                              AddressEncoding encoding, int runs) throws Exception {
        String body = "{\"chain_id\":\"" + chain + "\",\"count\":" + COUNT + ",\"encoding\":\"" + encoding.coboName()
                + "\"}";
        once(wallet, root, chain, encoding, body); // warm-up, not timed
        double[] ms = new double[runs];
        List<Metric> metrics = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            ms[i] = once(wallet, root, chain, encoding, body);
            System.err.printf("api: create_addresses.%d.%s run %d: %.1f ms%n", COUNT, name, i + 1, ms[i]);
        }
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        double median = runs % 2 == 1 ? sorted[runs / 2] : (sorted[runs / 2 - 1] + sorted[runs / 2]) / 2;
        metrics.add(Metric.of("api.create_addresses." + COUNT + "." + name + "_ms", median, "ms"));
        for (int i = 0; i < runs; i++) {
            metrics.add(Metric.of("api.create_addresses." + COUNT + "." + name + "_ms.run_" + (i + 1), ms[i], "ms"));
        }
        return metrics;
    }

    /** One timed request; checks the answer afterwards. */
    private double once(String wallet, ExtendedPublicKey root, String chain, AddressEncoding encoding, String body)
            throws Exception {
        String path = "/v2/wallets/" + wallet + "/addresses";
        HttpRequest.Builder b = HttpRequest.newBuilder(credentials.url().resolve(path)).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        signer.headers("POST", path, "", body).forEach(b::header);
        HttpRequest request = b.build();
        long start = System.nanoTime();
        HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        double ms = (System.nanoTime() - start) / 1e6;
        if (r.statusCode() != 201 || !signed(r)) {
            errors++;
            System.err.printf("api: POST %s answered %d%n", path, r.statusCode());
            return ms;
        }
        JsonNode list = mapper.readTree(r.body());
        if (!list.isArray() || list.size() != COUNT) {
            errors++;
            return ms;
        }
        for (JsonNode a : list) {
            String expected = Addresses.of(chain, encoding,
                    root.derive(DerivationPath.parse(a.path("path").asText())).publicKey());
            if (!expected.equals(a.path("address").asText())) {
                errors++;
                System.err.printf("api: %s at %s is not the root key's child%n", a.path("address").asText(),
                        a.path("path").asText());
                break;
            }
        }
        return ms;
    }

    private boolean signed(HttpResponse<byte[]> r) {
        String ts = r.headers().firstValue(ResponseSignature.TIMESTAMP_UNDERSCORE).orElse("");
        String sig = r.headers().firstValue(ResponseSignature.SIGNATURE_UNDERSCORE).orElse("");
        return ResponseSignature.verify(credentials.responsePublicKey(), r.body(), ts, sig);
    }

    /** A new vault with keys generated by the three TSS nodes. */
    private String keyedVault() throws Exception {
        JsonNode holders = call("GET", "/v2/wallets/mpc/cobo_key_share_holders", null);
        for (String node : NODES) {
            boolean online = false;
            for (JsonNode h : holders) {
                online |= node.equals(h.path("tss_node_id").asText()) && h.path("online").asBoolean();
            }
            if (!online) {
                throw new IOException(node + " is not online (GET /v2/wallets/mpc/cobo_key_share_holders)");
            }
        }
        String vault = call("POST", "/v2/wallets/mpc/vaults", "{\"name\":\"bench addresses\","
                + "\"vault_type\":\"Org-Controlled\"}").path("vault_id").asText();
        String base = "/v2/wallets/mpc/vaults/" + vault;
        StringBuilder holdersJson = new StringBuilder();
        for (String node : NODES) {
            holdersJson.append(holdersJson.length() == 0 ? "" : ",").append("{\"name\":\"").append(node)
                    .append("\",\"type\":\"API\",\"tss_node_id\":\"").append(node).append("\",\"signer\":true}");
        }
        String group = call("POST", base + "/key_share_holder_groups", "{\"key_share_holder_group_type\":\"MainGroup\","
                + "\"participants\":3,\"threshold\":2,\"key_share_holders\":[" + holdersJson + "]}")
                .path("key_share_holder_group_id").asText();
        String request = call("POST", base + "/tss_requests", "{\"type\":\"KeyGen\","
                + "\"target_key_share_holder_group_id\":\"" + group + "\"}").path("tss_request_id").asText();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (true) {
            String status = call("GET", base + "/tss_requests/" + request, null).path("status").asText();
            if (status.equals("Success")) {
                return vault;
            }
            if (status.endsWith("Failed") || System.nanoTime() > deadline) {
                throw new IOException("key generation of vault " + vault + " ended " + status);
            }
            Thread.sleep(100);
        }
    }

    private JsonNode call(String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(credentials.url().resolve(path)).timeout(TIMEOUT);
        if (body == null) {
            b.GET();
        } else {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        signer.headers(method, path, "", body == null ? "" : body).forEach(b::header);
        HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        String text = new String(r.body(), StandardCharsets.UTF_8);
        if (r.statusCode() / 100 != 2) {
            throw new IOException(method + " " + path + " answered " + r.statusCode() + ": " + text);
        }
        return mapper.readTree(text);
    }
}
