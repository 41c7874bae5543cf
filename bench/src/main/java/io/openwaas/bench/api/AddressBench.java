package io.openwaas.bench.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openwaas.bench.Credentials;
import io.openwaas.bench.Metric;
import io.openwaas.bench.Vaults;
import io.openwaas.bench.WaasApi;
import io.openwaas.crypto.address.AddressEncoding;
import io.openwaas.crypto.address.Addresses;
import io.openwaas.crypto.hd.DerivationPath;
import io.openwaas.crypto.hd.ExtendedPublicKey;
import io.openwaas.platform.auth.ResponseSignature;
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

    private final HttpClient http;
    private final CoboAuthSigner signer;
    private final Credentials credentials;
    private final ObjectMapper mapper = new ObjectMapper();
    private final WaasApi api;
    private int errors;

    AddressBench(HttpClient http, Credentials credentials, WaasApi api) {
        this.http = http;
        this.credentials = credentials;
        this.signer = credentials.signer();
        this.api = api;
    }

    List<Metric> run(int runs, String existingVault) throws Exception {
        Vaults.Vault v;
        if (existingVault != null) {
            v = Vaults.existing(api, existingVault);
        } else {
            Vaults.requireNodesOnline(api, Vaults.NODES);
            v = Vaults.create(api, mapper, "bench addresses", Vaults.NODES, TIMEOUT.multipliedBy(3), 100).vault();
        }
        String vault = v.vaultId();
        String xpub = v.xpub();
        String wallet = api.post("/v2/wallets", "{\"name\":\"bench addresses\",\"wallet_type\":\"MPC\","
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

}
